/** `npm run docs:measures`: writes docs/MEASURES.md from the measure registry. */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { MEASURES_DOC_PATH, measuresDoc } from './measures-doc';

const target = path.resolve(__dirname, '..', '..', MEASURES_DOC_PATH);
writeFileSync(target, measuresDoc());
process.stdout.write(`Wrote ${MEASURES_DOC_PATH}\n`);
