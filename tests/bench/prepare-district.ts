// Brings a freshly built district database to the state a running deployment is in: last month's
// diagnosis batch already stored. Otherwise every bench server would spend its first half-minute
// of CPU generating that once-a-month batch, and measure it instead of what the bench is about.
// Run: node --import tsx tests/bench/prepare-district.ts <db>
import { testConfig } from '../../server/config.ts';
import { createServices } from '../../server/services.ts';

const db = process.argv[2];
if (!db) throw new Error('usage: prepare-district.ts <db>');
const services = createServices(testConfig({ db }));
const t = performance.now();
const month = await services.reports.runIfDue();
services.close();
process.stderr.write(`diagnosis batch ${month ?? '(already stored)'} in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
