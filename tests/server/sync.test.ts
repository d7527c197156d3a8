import { syncScenarios } from './scenarios/sync.ts';
import { fileBackend } from './support/backend.ts';

syncScenarios(fileBackend);
