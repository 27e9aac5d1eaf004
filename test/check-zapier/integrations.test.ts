import { integrationLoaders, providerKeys } from '../../index';
import { checks } from '../../tools/check-zapier/checks';
import type { Definition } from '../../tools/check-zapier/definition';
import { runChecks } from '../../tools/check-zapier/run';
import { waivers } from '../../tools/check-zapier/waivers';

const ORGANIZATION_ID_FIELDS = ['new_inbound_message', 'new_outbound_message', 'new_contact', 'updated_contact', 'deleted_contact'].map(
  (trigger) => `D004 triggers.${trigger}.inputFields.organization_id`,
);

describe('check:zapier over the shipped integrations', () => {
  it.each(providerKeys.map((key) => [key]))('%s passes every check', async (key) => {
    const definition = integrationLoaders[key]() as unknown as Definition;
    const outcome = await runChecks({ key, names: [], definition }, checks, waivers);
    expect(outcome.failed).toEqual([]);
    expect(outcome.waived.map(({ finding }) => `${finding.code} ${finding.where}`)).toEqual(
      key === 'stratustexting' ? ORGANIZATION_ID_FIELDS : [],
    );
  });

  it('waives nothing but the Organization ID fields, for which no API lists organizations', () => {
    expect(waivers.map((waiver) => `${waiver.code} ${waiver.where}`)).toEqual(ORGANIZATION_ID_FIELDS);
  });
});
