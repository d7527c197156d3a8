import { conflictScenarios } from './scenarios/conflicts.ts';
import { fileBackend } from './support/backend.ts';

conflictScenarios(fileBackend);
