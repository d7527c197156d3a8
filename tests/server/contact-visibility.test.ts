import { contactVisibilityScenarios } from './scenarios/contact-visibility.ts';
import { fileBackend } from './support/backend.ts';

contactVisibilityScenarios(fileBackend);
