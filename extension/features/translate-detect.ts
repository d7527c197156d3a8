// Offline detection of the source language for the Translate tab (nothing leaves the browser): adapter over
// lib/translate/detect-language.ts. Null when the text is too short or no detector can tell.
import { type DetectedLanguage, detectLanguage } from '../lib/translate/detect-language.ts';

export type { DetectedLanguage };

export async function detectSourceLanguage(text: string): Promise<DetectedLanguage | null> {
  return detectLanguage(text);
}
