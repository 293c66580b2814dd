import { ApiError } from '../../api/errors';
import type { Proposal } from '../../api/types';
import { askProposal } from './ask-proposal';
import { type ProposalRequest, proposalRequest } from './proposal-request';
import { emptyValues, PHONE_CALL, type TicketBody } from './ticket-body';

const request = proposalRequest(
  {
    ...emptyValues(0),
    caller: { phone: '13800138000' },
    type: 'contact_judge',
    caseNumber: '(2026)豫0782民初',
  },
  PHONE_CALL,
) as ProposalRequest;

const answer = {
  disposition: { rule: '4.2', alsoRoutes: [] },
  earlierTickets: [],
  suggestions: [],
};

function fakeApi(reply: (body: TicketBody) => Proposal | ApiError | Error) {
  const asked: TicketBody[] = [];
  const post = async (body: TicketBody) => {
    asked.push(body);
    const r = reply(body);
    if (r instanceof Error) throw r;
    return r;
  };
  return { asked, post };
}

const badCase = new ApiError(400, '请求参数有误', [
  { field: 'caseNumber', message: '案号格式不正确' },
]);

describe('askProposal', () => {
  it('asks once when the API can answer', async () => {
    const api = fakeApi(() => answer as unknown as Proposal);
    const outcome = await askProposal(request, api.post);
    expect(api.asked).toHaveLength(1);
    expect(outcome.disposition?.rule).toBe('4.2');
  });

  it('steps back from a case number being typed and keeps the API’s words', async () => {
    const api = fakeApi((body) => (body.caseNumber ? badCase : (answer as unknown as Proposal)));
    const outcome = await askProposal(request, api.post);
    expect(api.asked.map((b) => b.caseNumber)).toEqual(['(2026)豫0782民初', null]);
    expect(outcome).toMatchObject({ caseIgnored: true, problems: ['案号格式不正确'] });
  });

  it('ends with the history alone, then with nothing, reporting the first problems only', async () => {
    const api = fakeApi(
      () => new ApiError(400, 'x', [{ field: 'caseNumber', message: `第${Math.random()}次` }]),
    );
    const outcome = await askProposal(request, api.post);
    expect(api.asked.length).toBeLessThanOrEqual(3);
    expect(outcome.disposition).toBeNull();
    expect(outcome.problems).toHaveLength(1);
  });

  it('lets other failures through to be shown as errors', async () => {
    const api = fakeApi(() => new ApiError(503, '服务暂不可用'));
    await expect(askProposal(request, api.post)).rejects.toThrow('服务暂不可用');
    expect(api.asked).toHaveLength(1);
  });
});
