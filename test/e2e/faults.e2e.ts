import { describe, expect, it } from 'vitest';
import { runFaultScenario } from '../faults/runFaultScenario.ts';

const seed = Number(process.env.SAYSO_FAULT_SEED ?? Date.now() % 1_000_000);

describe(`a randomized fault run (seed ${seed}; replay with SAYSO_FAULT_SEED=${seed})`, () => {
  it('ends with the server holding exactly the responses the tablets finished or closed as partial', async () => {
    const report = await runFaultScenario({ seed, respondents: Number(process.env.SAYSO_FAULT_RESPONDENTS ?? 200), log: (line) => console.log(`fault run: ${line}`) });
    expect(report.respondents.browser).toBeGreaterThanOrEqual(30);
    expect(report.respondents.browser + report.respondents.node).toBeGreaterThanOrEqual(200);
    expect(report.missing).toEqual([]);
    expect(report.unexpected).toEqual([]);
    expect(report.countedTwice).toBe(0);
    expect(report.stored).toBe(report.expected);
  }, 600_000);
});
