// trace-tasks.mjs — traceLongTasks(context, page, load): records a Chromium trace (CDP Tracing) of the
// page's main thread while `load()` runs, and splits every task over 50 ms into whose work it is.
// Used by tests/bench/browser.mjs for the 1 MB page.
//
// A task is one top-level `ThreadControllerImpl::RunTask` on the renderer's main thread (what the
// Long Tasks API reports, plus the time the API leaves out). In each long task:
//   ours       outermost script events (FunctionCall, EvaluateScript, FireAnimationFrame's call)
//              whose script is one of the extension's (chrome-extension://), with the style and
//              layout they force
//   oursFrame  a rendering frame in which one of our requestAnimationFrame
//              callbacks ran: its style, layout and paint are for the hosts, positions and highlights
//              that callback wrote (the static test page changes nothing itself after load), so the
//              whole frame counts as the extension's (conservative: the page's own rendering in the
//              same frame, if any, is counted as ours too)
//   caused     the task is long because of the extension: one of our frames, or a task that would be
//              under 50 ms without our script in it
//   style, layout, paint  UpdateLayoutTree, Layout, and PrePaint + Paint + Layerize + Commit
// A long task that is not `caused` is the page's own, even with a few ms of ours in it (our
// ResizeObserver or DOMContentLoaded listener running in the task of the page's first layout): it
// is there with the extension not loaded too (browser.mjs traces the same page without it,
// alternately), and `ours` says how much we added to it.

export const LONG_TASK_MS = 50;
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'];
const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.evaluateModule']);
const PAINT_EVENTS = new Set(['PrePaint', 'Paint', 'Layerize', 'Commit']);

/** Runs `load()` under a trace; resolves to {tasks: [{at, ms, ours, oursFrame, caused, style, layout, paint}], result}. */
export async function traceLongTasks(context, page, load) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => { for (const e of value) events.push(e); });
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  let result;
  try {
    result = await load();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return { tasks: longTasks(events), result };
}

function longTasks(events) {
  // The page's main thread: the CrRendererMain that parsed the most HTML.
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const parsed = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (mains.has(key) && e.name === 'ParseHTML') parsed.set(key, (parsed.get(key) ?? 0) + (e.dur ?? 0));
  }
  const main = [...parsed].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) throw new Error('trace-tasks: no renderer main thread parsed HTML');
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const start = onMain.find((e) => e.name === 'ParseHTML')?.ts ?? onMain[0].ts;
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur > LONG_TASK_MS * 1000);
  return tasks.map((task) => {
    const end = task.ts + task.dur;
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end);
    const outermost = (test) => {
      let until = -1;
      let sum = 0;
      for (const e of inside) {
        if (!test(e) || e.ts < until) continue;
        sum += e.dur;
        until = e.ts + e.dur;
      }
      return sum / 1000;
    };
    const ourScript = (e) => SCRIPT_EVENTS.has(e.name) && String(e.args?.data?.url ?? '').startsWith('chrome-extension://');
    const ours = outermost(ourScript);
    // A requestAnimationFrame callback runs only in a rendering frame's task.
    const oursFrame = inside.some((raf) => raf.name === 'FireAnimationFrame'
      && inside.some((e) => ourScript(e) && e.ts >= raf.ts && e.ts + e.dur <= raf.ts + raf.dur));
    const ms = task.dur / 1000;
    return {
      at: (task.ts - start) / 1000, ms, ours, oursFrame, caused: oursFrame || (ours > 0 && ms - ours <= LONG_TASK_MS),
      style: outermost((e) => e.name === 'UpdateLayoutTree'), layout: outermost((e) => e.name === 'Layout'),
      paint: outermost((e) => PAINT_EVENTS.has(e.name)),
    };
  });
}
