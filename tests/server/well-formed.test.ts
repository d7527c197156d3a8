import { wellFormedScenarios } from './scenarios/well-formed.ts';
import { fileBackend } from './support/backend.ts';

wellFormedScenarios(fileBackend);
