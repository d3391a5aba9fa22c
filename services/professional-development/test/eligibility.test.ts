import http from 'node:http';
import { AddressInfo } from 'node:net';
import { GatewayClient, verifyToken } from '@tw/kernel';
import { testKeys } from '@tw/kernel/testing';
import { gatewayEligibilityChecker, TeacherEligibility } from '@tw/professional-development';
import { designationRefusal } from '../src/eligibility';

/** A stand-in gateway: records each request and answers with `reply`. */
async function fakeGateway(reply: (body: { query: string; variables: { ids: string[]; year: number } }) => unknown) {
  const requests: Array<{ authorization?: string; body: { query: string; variables: { ids: string[]; year: number } } }> = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const body = JSON.parse(text);
      requests.push({ authorization: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(reply(body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const keys = testKeys();
const client = (url: string) => new GatewayClient({ url, serviceName: 'professional-development', gatewaySecret: keys.gatewaySecret, timeoutMs: 2000 });
const answer = (teacherId: string, vetoed: boolean, reasons: string[] = []): TeacherEligibility => ({
  teacherId,
  vetoed,
  purposes: [
    { purpose: 'AWARD', eligible: !vetoed, reasons },
    { purpose: 'DESIGNATION', eligible: !vetoed, reasons },
  ],
});

describe('the gateway-backed eligibility checker', () => {
  it('asks governance through the gateway with a service token, once for the ids of a year', async () => {
    const gw = await fakeGateway((b) => ({ data: { eligibility: b.variables.ids.map((id) => answer(id, id === 't2', ['2024年度师德考核不合格'])) } }));
    try {
      const result = await gatewayEligibilityChecker(client(gw.url)).check(['t1', 't2', 't1'], 2024);
      expect(gw.requests).toHaveLength(1);
      const [req] = gw.requests;
      expect(req.body.variables).toEqual({ ids: ['t1', 't2'], year: 2024 });
      expect(req.body.query).toContain('eligibility(teacherIds: $ids, year: $year) { teacherId vetoed purposes { purpose eligible reasons } }');
      expect(verifyToken(req.authorization!.replace(/^Bearer /, ''), keys)).toEqual({ subject: 'service:professional-development', role: 'SERVICE' });
      expect(designationRefusal(result.get('t1')!)).toBeNull();
      expect(designationRefusal(result.get('t2')!)).toEqual(['2024年度师德考核不合格']);
    } finally {
      await gw.close();
    }
  });

  it('fails with UNAVAILABLE when governance answers an error (e.g. a gateway without eligibility)', async () => {
    const gw = await fakeGateway(() => ({ errors: [{ message: 'Cannot query field "eligibility" on type "Query".' }] }));
    try {
      const err = await gatewayEligibilityChecker(client(gw.url)).check(['t1'], 2024).catch((e: unknown) => e);
      expect(err).toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
      expect((err as Error).message).toContain('无法向治理服务核验师德一票否决情况');
      expect((err as Error).message).toContain('Cannot query field "eligibility"');
    } finally {
      await gw.close();
    }
  });

  it('fails with UNAVAILABLE when an answer leaves a teacher out, or the gateway cannot be reached', async () => {
    const gw = await fakeGateway(() => ({ data: { eligibility: [answer('t1', false)] } }));
    try {
      const partial = await gatewayEligibilityChecker(client(gw.url)).check(['t1', 't9'], 2024).catch((e: unknown) => e);
      expect(partial).toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
      expect((partial as Error).message).toContain('t9');
    } finally {
      await gw.close();
    }
    const down = await gatewayEligibilityChecker(client(gw.url)).check(['t1'], 2024).catch((e: unknown) => e);
    expect(down).toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
  });
});

describe('designationRefusal', () => {
  it('follows the DESIGNATION purpose, and refuses a vetoed teacher whose answer lacks it', () => {
    expect(designationRefusal({ teacherId: 't', vetoed: true, purposes: [{ purpose: 'DESIGNATION', eligible: true, reasons: [] }] })).toBeNull();
    expect(designationRefusal({ teacherId: 't', vetoed: false, purposes: [{ purpose: 'DESIGNATION', eligible: false, reasons: ['记过处分影响期内'] }] })).toEqual(['记过处分影响期内']);
    expect(designationRefusal({ teacherId: 't', vetoed: true, purposes: [{ purpose: 'AWARD', eligible: false, reasons: ['师德考核不合格'] }] })).toEqual(['师德考核不合格']);
    expect(designationRefusal({ teacherId: 't', vetoed: true, purposes: [] })).toEqual(['师德一票否决']);
    expect(designationRefusal({ teacherId: 't', vetoed: false, purposes: [] })).toBeNull();
  });
});
