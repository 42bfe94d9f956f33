import { describe, expect, it } from 'vitest';
import { toEpisodeOfCare } from './episode-of-care';
import { fromAppointment, fromEpisodeOfCare, fromPatient } from './from-record';
import { toPatient } from './people';
import { toAppointment } from './sessions';

const refs = {
  patient: 'Patient/p',
  organization: 'Organization/o',
  practitioner: 'Practitioner/t',
};

describe('reading back what the relationship export writes', () => {
  it('a Patient', () => {
    const client = {
      id: 'p',
      displayName: 'Casey Client',
      preferredName: 'Case',
      pronouns: 'they/them',
      dateOfBirth: '1990-04-02',
      email: 'casey@example.org',
      phone: '+44 20 7946 0000',
      timeZone: 'Europe/London',
      emergencyContact: { name: 'Sam', phone: '+44 20 7946 0001', relationship: 'sister' },
      therapistId: 't',
    };
    const { id: _id, therapistId: _t, timeZone: _z, ...rest } = client;
    expect(fromPatient(toPatient(client, refs))).toEqual({ ok: true, value: rest });
  });

  it('an EpisodeOfCare, its return link and ending', () => {
    const episode = {
      id: 'e2',
      therapistId: 't',
      phase: 'closed' as const,
      title: 'Return',
      previousEpisodeId: 'e1',
      openedAt: new Date('2025-01-01T10:00:00Z'),
      closedAt: new Date('2025-06-01T10:00:00Z'),
      ending: { kind: 'planned', recordedAt: new Date('2025-06-01T10:00:00Z') },
    };
    const read = fromEpisodeOfCare(toEpisodeOfCare(episode, refs));
    expect(read).toEqual({
      ok: true,
      value: {
        phase: 'closed',
        title: 'Return',
        previousEpisodeId: 'e1',
        openedAt: episode.openedAt,
        closedAt: episode.closedAt,
        ending: { kind: 'planned', recorded: '2025-06-01T10:00:00.000Z' },
      },
    });
  });

  it('an Appointment of every status, and refuses one it never writes', () => {
    for (const status of ['scheduled', 'attended', 'cancelled', 'no-show'] as const) {
      const session = {
        id: 's',
        episodeId: 'e',
        therapistId: 't',
        startsAt: new Date('2025-02-01T10:00:00Z'),
        endsAt: new Date('2025-02-01T10:50:00Z'),
        status,
        modality: 'video' as const,
        kind: 'assessment' as const,
        location: status === 'attended' ? 'Room 2' : null,
        cancelledBy: status === 'cancelled' ? ('client' as const) : null,
      };
      const { id: _i, episodeId: _e, therapistId: _t, ...rest } = session;
      expect(fromAppointment(toAppointment(session, refs))).toEqual({ ok: true, value: rest });
    }
    const proposed = {
      resourceType: 'Appointment' as const,
      status: 'proposed' as const,
      participant: [],
    };
    expect(fromAppointment(proposed)).toMatchObject({ ok: false, problem: { field: 'status' } });
  });
});
