// The large-library scenario (tests/server/scenarios/large-library.ts) on the embedded file; sqld.test.ts runs
// it on a libSQL server, where answers over 10 MB are refused.
import { largeLibraryScenarios } from './scenarios/large-library.ts';
import { fileBackend } from './support/backend.ts';

largeLibraryScenarios(fileBackend);
