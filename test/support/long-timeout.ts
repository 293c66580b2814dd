// Tests that talk to real servers wait on real timers and network round trips.
jest.setTimeout(120_000);
