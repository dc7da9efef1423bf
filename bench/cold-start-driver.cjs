// Run by plain node for the cold-start measurement: loads the function bundle as Lambda
// would, calls the handler with the first event (the cold result), then with the second
// in the same process (a warm run). Plain JavaScript, so nothing is compiled at start.
// Usage: node cold-start-driver.cjs <bundle.js> <out.json> <event1.json> <event2.json>
'use strict';
const started = Date.now();
const { writeFileSync } = require('node:fs');
const [bundle, out, firstEvent, secondEvent] = process.argv.slice(2);
const { handler } = require(bundle);
const loaded = Date.now();
(async () => {
  const first = await handler(JSON.parse(firstEvent));
  const firstAt = Date.now();
  const second = await handler(JSON.parse(secondEvent));
  const secondAt = Date.now();
  writeFileSync(out, JSON.stringify({ started, loaded, firstAt, secondAt, first, second }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
