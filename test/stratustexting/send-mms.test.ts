import { answerPost, appError, run, authData, BASE, inputProblem, rejection } from './support';

const send = (inputData: Record<string, unknown>) => run.create('send_mms', { authData, inputData });
const MEDIA = 'https://files.example.com/menu.jpg?size=large';

/** Answers the MMS send, recording the raw path (with its query) and body. */
const expectSend = (status: number, body: unknown) => answerPost(`${BASE}/message/sendmms`, status, body);

describe('Send MMS (send_mms)', () => {
  it('POSTs from, to, the media URL and the text in the query string, with an empty body', async () => {
    const seen = expectSend(200, { result: 'Message Processed Successfully' });
    await expect(
      send({ from: '(949) 555-0100', to: ['949-555-0111', '+1 949 555 0112'], media: MEDIA, text: "Here's this week's menu!" }),
    ).resolves.toEqual({
      status: 'accepted',
      result: 'Message Processed Successfully',
      message_id: null,
      from: '+19495550100',
      to: ['+19495550111', '+19495550112'],
      media_url: MEDIA,
      text: "Here's this week's menu!",
    });
    expect(seen).toEqual([
      {
        path:
          `${BASE}/message/sendmms?from=%2B19495550100&to=%2B19495550111%2C%2B19495550112` +
          `&mediaUrl=https%3A%2F%2Ffiles.example.com%2Fmenu.jpg%3Fsize%3Dlarge&text=Here%27s%20this%20week%27s%20menu!`,
        body: '',
      },
    ]);
  });

  it("says the message was accepted and gives the message's id when the answer carries one", async () => {
    expectSend(200, { result: 'Message Processed Successfully', id: 9012 });
    await expect(send({ from: '+19495550100', to: '+19495550111', media: MEDIA })).resolves.toEqual({
      status: 'accepted',
      result: 'Message Processed Successfully',
      id: 9012,
      message_id: '9012',
      from: '+19495550100',
      to: ['+19495550111'],
      media_url: MEDIA,
      text: '',
    });
  });

  it('leaves the text out of the request when there is none', async () => {
    const seen = expectSend(200, { result: 'Message Processed Successfully' });
    await expect(send({ from: '+19495550100', to: '+19495550111', media: 'https://files.example.com/a.gif', text: '  ' })).resolves.toEqual(
      {
        status: 'accepted',
        result: 'Message Processed Successfully',
        message_id: null,
        from: '+19495550100',
        to: ['+19495550111'],
        media_url: 'https://files.example.com/a.gif',
        text: '',
      },
    );
    expect(seen[0]?.path).toBe(
      `${BASE}/message/sendmms?from=%2B19495550100&to=%2B19495550111&mediaUrl=https%3A%2F%2Ffiles.example.com%2Fa.gif`,
    );
  });

  describe('bad input, refused before anything is sent', () => {
    const valid = { from: '+19495550100', to: '+19495550111', media: MEDIA, text: 'Hi' };

    it.each(['menu.jpg', 'ftp://files.example.com/menu.jpg', 'not a url'])(
      'refuses the media %p, which is not a web link',
      async (media) => {
        expect(appError(await rejection(send({ ...valid, media })))).toEqual(
          inputProblem('Media File: must be a file from an earlier step or a link starting with https:// or http://.'),
        );
      },
    );

    it.each([
      { name: 'requires the media', change: { media: '' }, problem: 'Media File: The media file is required.' },
      // Only the quoted part is pinned: the field is named "To" here but "To (one or more numbers)" on the form.
      {
        name: 'quotes an impossible recipient number',
        change: { to: '+1 949' },
        problem: expect.stringMatching(/^To.*: "\+1 949" is not a phone number\.$/),
      },
      { name: 'quotes an impossible From number', change: { from: '12' }, problem: 'From Number: "12" is not a phone number.' },
      {
        name: 'refuses a text longer than 1000 characters',
        change: { text: 'x'.repeat(1001) },
        problem: 'Message: is longer than 1000 characters.',
      },
      {
        name: 'refuses more than 50 recipients',
        change: { to: Array.from({ length: 51 }, (_, index) => `+1949555${String(index).padStart(4, '0')}`) },
        problem: 'To (one or more numbers): Give at most 50 phone numbers.',
      },
    ])('$name', async ({ change, problem }) => {
      expect(appError(await rejection(send({ ...valid, ...change })))).toEqual(inputProblem(problem));
    });
  });

  it('maps a provider refusal to a readable error', async () => {
    expectSend(400, { message: 'Media type not supported' });
    expect(appError(await rejection(send({ from: '+19495550100', to: '+19495550111', media: MEDIA })))).toEqual({
      message:
        'StratusTexting refused the values given for "Send MMS" ("Media type not supported"). Check the values in this step against that reason, then replay it. (HTTP 400)',
      code: 'provider_rejected',
      status: 400,
    });
  });
});
