import { newPracticeScenarios } from './scenarios/push-new-practices.ts';
import { fileBackend } from './support/backend.ts';

newPracticeScenarios(fileBackend);
