import { setAsideScenarios } from './scenarios/stakeholder-set-aside.ts';
import { fileBackend } from './support/backend.ts';

setAsideScenarios(fileBackend);
