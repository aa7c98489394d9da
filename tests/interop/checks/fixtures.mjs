export function fixtureTests() {}
