import { isolationScenarios } from './scenarios/isolation.ts';
import { fileBackend } from './support/backend.ts';

isolationScenarios(fileBackend);
