// npm run build (second half): bundles the server into dist/server/main.js (see server/bundle.ts).
import { buildServerBundle } from '../bundle.ts';

const t = performance.now();
const file = buildServerBundle();
console.log(`server bundle: ${file} in ${Math.round(performance.now() - t)} ms`);
