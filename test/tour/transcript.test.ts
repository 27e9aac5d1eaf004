import { ranOperation, Transcript, wrap } from '../../tools/tour/transcript';

describe("the tour's transcript", () => {
  let printed: string[];
  beforeEach(() => {
    printed = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  });
  afterEach(() => jest.restoreAllMocks());

  it('names each operation a step ran by its key, once, and wraps lines at 100 columns under the step', async () => {
    const transcript = new Transcript();
    const detail = `accepted as ${'0f0d7c1e-'.repeat(4)}aa (internal id 7) and the status read back as delivered, in order, with each recipient answered`;
    await transcript.step('Send SMS, then Find Message Status for it', async () => {
      ranOperation('creates.send_sms.operation.perform');
      ranOperation('searches.find_message_status.operation.perform');
      ranOperation('creates.send_sms.operation.perform');
      ranOperation('triggers.new_inbound_message.operation.performSubscribe');
      ranOperation('authentication.test');
      return detail;
    });
    const lines = printed.join('\n').split('\n');
    expect(lines[0]).toMatch(/^ok {3}Send SMS, then Find Message Status for it \[creates\.send_sms, searches\.find_message_status,$/);
    expect(lines[1]).toMatch(/^ {7}triggers\.new_inbound_message performSubscribe, authentication\.test\] \(\d+ ms\)$/);
    expect(lines.slice(2)).toEqual([
      '       accepted as 0f0d7c1e-0f0d7c1e-0f0d7c1e-0f0d7c1e-aa (internal id 7) and the status read back',
      '       as delivered, in order, with each recipient answered',
    ]);
    expect(lines.every((line) => line.length <= 100)).toBe(true);
    expect(transcript.steps[0]?.operations).toEqual([
      'creates.send_sms',
      'searches.find_message_status',
      'triggers.new_inbound_message performSubscribe',
      'authentication.test',
    ]);
  });

  it('records no operation outside a step, and none for a step that ran none', async () => {
    const transcript = new Transcript();
    ranOperation('creates.send_sms.operation.perform');
    await transcript.step('Start the sandbox', async () => 'listening');
    expect(transcript.steps[0]?.operations).toEqual([]);
    expect(printed[0]).toMatch(/^ok {3}Start the sandbox \(\d+ ms\)\n {7}listening$/);
  });

  it('keeps a word longer than the line whole, and keeps the line breaks of a multi-line detail', () => {
    expect(wrap(`short ${'x'.repeat(30)} end\nnext line`, '> ', '  ', 20)).toBe(`> short\n  ${'x'.repeat(30)}\n  end\n  next line`);
  });
});
