import { limitScenarios } from './scenarios/limits.ts';
import { fileBackend } from './support/backend.ts';

limitScenarios(fileBackend);
