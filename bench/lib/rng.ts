// The seeded generator (mulberry32) and `between`, shared with the seeded library of the browser tests.
export { between, rng } from '../../test/e2e/seed-library';
