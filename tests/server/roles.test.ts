import { roleScenarios } from './scenarios/roles.ts';
import { fileBackend } from './support/backend.ts';

roleScenarios(fileBackend);
