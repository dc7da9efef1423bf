/**
 * Property tests explore new inputs on every run on a developer's machine (that is how
 * the fuzzers keep finding things); on CI (CI=true) they replay one fixed seed, so a
 * submission's result does not depend on the draw. FC_SEED chooses another seed, e.g. to
 * replay a failure a developer saw (fast-check prints the seed with every failure).
 */
import fc from 'fast-check';

const seedText = process.env.FC_SEED ?? (process.env.CI ? '20261126' : undefined);
if (seedText !== undefined) fc.configureGlobal({ seed: Number(seedText) });
