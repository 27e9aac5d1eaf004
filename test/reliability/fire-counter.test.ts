import { FireCounter } from '../../tools/reliability/fire-counter';

/** Stand-ins for a trigger's perform: one starts the Zap for every delivery, one only for a new message. */
const firesEveryTime = (messageId: string) => [{ id: messageId, text: 'Hi' }];
function firesOnce() {
  const started = new Set<string>();
  return (messageId: string) => (started.has(messageId) ? [] : (started.add(messageId), [{ id: messageId, text: 'Hi' }]));
}

describe('the webhook fire counter', () => {
  it('registers a double fire when a trigger starts the Zap twice for one message', () => {
    const counter = new FireCounter();
    counter.record('sub-1', firesEveryTime('m-1'));
    counter.record('sub-1', firesEveryTime('m-1'));
    expect({ fires: counter.fires, doubleFires: counter.doubleFires }).toEqual({ fires: 2, doubleFires: 1 });
  });

  it('registers none when the trigger starts the Zap once per message', () => {
    const counter = new FireCounter();
    const trigger = firesOnce();
    for (const id of ['m-1', 'm-1', 'm-2', 'm-1']) counter.record('sub-1', trigger(id));
    expect({ fires: counter.fires, doubleFires: counter.doubleFires }).toEqual({ fires: 2, doubleFires: 0 });
  });

  it('does not count the same message started by two subscriptions (two Zaps) as a double fire', () => {
    const counter = new FireCounter();
    counter.record('sub-1', firesEveryTime('m-1'));
    counter.record('sub-2', firesEveryTime('m-1'));
    expect(counter.doubleFires).toBe(0);
  });

  it('counts nothing for a delivery that starts nothing', () => {
    const counter = new FireCounter();
    counter.record('sub-1', []);
    counter.record('sub-1', undefined);
    expect({ fires: counter.fires, doubleFires: counter.doubleFires }).toEqual({ fires: 0, doubleFires: 0 });
  });
});
