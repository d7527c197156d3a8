// A CPU profile of one extension page over a bench's timed span, summed by function (self time): a bench's
// `--profile` flag prints it to find where a page's main thread goes. Context for the engineer, not a figure.
import type { Page } from 'playwright-core';
import type { BenchBrowser } from './launch.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

export async function startProfile(ext: BenchBrowser, page: Page) {
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return {
    async printTop(count: number): Promise<void> {
      const { profile } = (await cdp.send('Profiler.stop')) as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      };
      const byNode = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n]));
      const self = new Map<string, number>();
      profile.samples.forEach((id, i) => {
        const { functionName, url, lineNumber, columnNumber } = byNode.get(id)!.callFrame;
        const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      });
      const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
      console.log(`\nprofile of ${page.url()} (self ms):`);
      for (const [key, ms] of top) console.log(`${ms.toFixed(1).padStart(8)}  ${key}`);
    },
  };
}
