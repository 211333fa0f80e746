import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoPersonas } from './demo-logins.ts';
import { type DemoAgent, generateDemoOrganisation } from './demo-organisation.ts';
import { minimumAgentCount } from './headcount.ts';
import { departments } from './departments.catalogue.ts';

// The generator alone, without a database: fast enough to check several sizes.

const demo = generateDemoOrganisation({ agents: 300, emailDomain: 'paris.example' });

describe('demo organisation generator', () => {
  test('gives exactly the same organisation for the same options', () => {
    const again = generateDemoOrganisation({ agents: 300, emailDomain: 'paris.example' });
    assert.equal(JSON.stringify(again), JSON.stringify(demo));
  });

  test('has the twelve departments with 3 to 5 services each and about 25 sites', () => {
    assert.deepEqual(
      demo.departments.map((d) => d.code),
      ['DASCO', 'CASVP', 'DRH', 'DPE', 'DEVE', 'DFPE', 'DSIN', 'DVD', 'DAC', 'DJS', 'DLH', 'DSP'],
    );
    assert.equal(demo.departments.find((d) => d.code === 'CASVP')?.name, "Centre d'action sociale de la Ville de Paris");
    for (const department of demo.departments) {
      const services = demo.services.filter((s) => s.departmentId === department.id);
      assert.ok(services.length >= 3 && services.length <= 5, `${department.code} has ${services.length} services`);
      for (const service of services) assert.ok(demo.units.some((u) => u.serviceId === service.id), `${service.name} has no unit`);
    }
    assert.ok(demo.sites.length >= 22 && demo.sites.length <= 30);
  });

  test('has the requested number of agents, with unique 7-digit badge numbers and e-mails', () => {
    assert.equal(demo.agents.length, 300);
    assert.equal(new Set(demo.agents.map((a) => a.badgeNumber)).size, 300);
    assert.equal(new Set(demo.agents.map((a) => a.email)).size, 300);
    for (const agent of demo.agents) {
      assert.match(agent.badgeNumber, /^\d{7}$/);
      assert.match(agent.email, /^[a-z0-9-]+\.[a-z0-9-]+\d*@paris\.example$/);
    }
  });

  test('keeps most agents active, with a couple pending and a couple departed', () => {
    const count = (status: DemoAgent['status']) => demo.agents.filter((a) => a.status === status).length;
    assert.equal(count('pending'), 2);
    assert.equal(count('departed'), 2);
    for (const agent of demo.agents.filter((a) => a.status === 'departed')) {
      assert.ok(agent.departureDate && agent.departureDate > agent.startDate);
    }
  });

  test('lists managers before the agents they manage, inside the same department', () => {
    const seen = new Map<string, DemoAgent>();
    for (const agent of demo.agents) {
      if (agent.managerId) {
        const manager = seen.get(agent.managerId);
        assert.ok(manager, `${agent.email} comes before their manager`);
        assert.equal(manager.departmentId, agent.departmentId);
      }
      seen.set(agent.id, agent);
    }
    assert.equal(demo.agents.filter((a) => a.managerId === null).length, 12, 'one director per department');
  });

  test('places every demo login, with their memorable badge number and password not temporary', () => {
    for (const persona of demoPersonas) {
      const agent = demo.agents.find((a) => a.badgeNumber === persona.badgeNumber);
      assert.ok(agent, persona.label);
      assert.equal(agent.lastName, persona.lastName);
      assert.equal(agent.passwordTemporary, false);
    }
    assert.equal(demo.agents.filter((a) => !a.passwordTemporary).length, demoPersonas.length);
    const asem = demo.agents.find((a) => a.badgeNumber === '1000001');
    const manager = demo.agents.find((a) => a.badgeNumber === '1000002');
    assert.equal(asem?.jobProfileCode, 'asem');
    assert.equal(asem?.managerId, manager?.id, 'the DASCO manager manages the ASEM of the demo');
  });

  test('builds the smallest and a large organisation, and refuses fewer agents than its structure', () => {
    const minimum = minimumAgentCount(departments);
    assert.equal(generateDemoOrganisation({ agents: minimum, emailDomain: 'paris.example' }).agents.length, minimum);
    const large = generateDemoOrganisation({ agents: 20_000, emailDomain: 'paris.example' });
    assert.equal(large.agents.length, 20_000);
    assert.equal(new Set(large.agents.map((a) => a.email)).size, 20_000);
    assert.throws(() => generateDemoOrganisation({ agents: minimum - 1, emailDomain: 'paris.example' }), RangeError);
  });
});
