import { stakeholderRouteScenarios } from './scenarios/stakeholder-routes.ts';
import { fileBackend } from './support/backend.ts';

stakeholderRouteScenarios(fileBackend);
