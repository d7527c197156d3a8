import { erasureScenarios } from './scenarios/stakeholder-erasure.ts';
import { fileBackend } from './support/backend.ts';

erasureScenarios(fileBackend);
