import { tenancyScenarios } from './scenarios/tenancy.ts';
import { fileBackend } from './support/backend.ts';

tenancyScenarios(fileBackend);
