// Extension pages run under MV3's `script-src 'self'`: no eval. Zod 4 would probe `new Function` to compile
// fast parsers; jitless mode skips the probe and parses with plain code.
import { z } from 'zod';

z.config({ jitless: true });
