export function badFileTests() {}
