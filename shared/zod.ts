// `import { z } from '…/zod.ts'` reads as `import { z } from 'zod'` did, with the project's string schemas:
// every string refuses a lone surrogate (shared/zod-well-formed.ts says how and why).
import * as z from './zod-well-formed.ts';

export { wellFormedCheck } from './zod-well-formed.ts';
export { z };
