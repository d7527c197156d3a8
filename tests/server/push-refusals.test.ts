import { pushRefusalScenarios } from './scenarios/push-refusals.ts';
import { fileBackend } from './support/backend.ts';

pushRefusalScenarios(fileBackend);
