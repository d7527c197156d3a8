import { historyPruningScenarios } from './scenarios/history-pruning.ts';
import { fileBackend } from './support/backend.ts';

historyPruningScenarios(fileBackend);
