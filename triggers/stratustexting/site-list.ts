import { defineTrigger, type ZObject } from 'zapier-platform-core';
import { listSites } from '../../src/providers/stratustexting/api';

/** The account's sites (departments): the source of the Department dropdown. */
export default defineTrigger({
  key: 'site_list',
  noun: 'Site',
  display: {
    label: 'List Sites',
    description: 'Triggers when a department (site) is added. Fills the Department dropdowns.',
    hidden: true,
  },
  operation: {
    perform: (z: ZObject) => listSites(z),
    sample: { id: '64f1a2b3c4d5e6f708192a3b', name: 'Main Street Store', org_id: '64f1a2b3c4d5e6f708190000' },
    outputFields: [
      { key: 'id', label: 'Site ID' },
      { key: 'name', label: 'Site Name' },
      { key: 'org_id', label: 'Organization ID' },
    ],
  },
});
