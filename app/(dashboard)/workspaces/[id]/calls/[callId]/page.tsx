import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card, PageHeader } from '@/components/ui';
import { workspaceAccess, type SearchParams } from '@/components/dashboard/data';
import { NotFoundError, isUuid } from '@/lib/analytics';
import { formatCount, formatMilliseconds, formatMoney, formatSeconds, humanize } from '@/lib/charts/format';
import { viewSearch } from '@/lib/charts/url';
import { formatCallInstant } from '@/lib/calls/format';
import { getCallDetail, type CallDetail } from '@/lib/calls/detail';
import { getDb } from '@/lib/db';
import { agentDisplayName } from '@/lib/agents/label';

export const metadata: Metadata = { title: 'Call' };

async function loadCall(workspaceId: string, callId: string): Promise<CallDetail> {
  if (!isUuid(callId)) notFound();
  try {
    return await getCallDetail(await getDb(), { workspaceId }, callId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/**
 * One call, everything known about it: fields, agent, ended reason, billed usage lines,
 * metadata, summary/transcript/recording when its source sent them, and the events that
 * built it. Another workspace's call is a 404.
 */
export default async function CallPage({ params, searchParams }: { params: Promise<{ id: string; callId: string }>; searchParams: SearchParams }) {
  const [{ id, callId }, query] = await Promise.all([params, searchParams]);
  const access = await workspaceAccess(id);
  const tz = access.workspace.timezone;
  const call = await loadCall(access.workspace.id, callId);
  const back = `/workspaces/${access.workspace.id}/calls${viewSearch(query)}`;
  const agent = agentDisplayName(call);
  const fields: [string, React.ReactNode][] = [
    ['Started', formatCallInstant(call.startedAt, tz)],
    ['Ended', call.endedAt ? formatCallInstant(call.endedAt, tz) : '—'],
    ['Duration', call.durationSeconds === null ? '—' : formatSeconds(call.durationSeconds)],
    ['Status', humanize(call.status)],
    ['Ended reason', call.endedReason ? humanize(call.endedReason.replace(/-/g, ' ')) : '—'],
    ['Direction', humanize(call.direction)],
    ['Caller', call.callerNumber ?? '—'],
    [
      'Agent',
      call.agentId && call.agentName ? (
        <Link href={`/workspaces/${access.workspace.id}/agents/${call.agentId}`} className="text-brand-700 hover:underline">
          {agent}
        </Link>
      ) : (
        agent
      ),
    ],
    ['Intent', call.intent ? humanize(call.intent) : '—'],
    ['Sentiment', call.sentiment ? humanize(call.sentiment) : '—'],
    ['Voice provider', call.provider ?? '—'],
    ['Avg response time', call.avgResponseMs === null ? '—' : formatMilliseconds(call.avgResponseMs)],
    ['Billed', formatMoney(call.cost)],
    ['Source', call.source ? `${call.source}${call.externalId ? ` · ${call.externalId}` : ''}` : 'Created here'],
    ['Call id', <code key="id" className="break-all text-xs">{call.id}</code>],
  ];
  const metadataEntries = Object.entries(call.metadata).filter(([key]) => !['summary', 'transcript', 'recording_url', 'recordingUrl'].includes(key));
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={back} className="text-brand-700 hover:underline">
          ← All calls
        </Link>
      </nav>
      <PageHeader title={`Call from ${call.callerNumber ?? 'an unknown number'}`} subtitle={`${formatCallInstant(call.startedAt, tz)} · times in ${tz}`} />
      <div className="flex flex-col gap-4">
        <Card title="Call">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm lg:grid-cols-3">
            {fields.map(([label, value]) => (
              <div key={label} className="min-w-0">
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
                <dd className="break-words text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        {call.summary || call.transcript || call.recordingUrl ? (
          <Card title="Conversation">
            <div className="flex flex-col gap-3 text-sm">
              {call.summary ? (
                <div>
                  <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Summary</h3>
                  <p className="whitespace-pre-wrap text-slate-900">{call.summary}</p>
                </div>
              ) : null}
              {call.recordingUrl ? (
                <p>
                  <a href={call.recordingUrl} rel="noreferrer noopener" target="_blank" className="text-brand-700 underline">
                    Open the recording
                  </a>
                </p>
              ) : null}
              {call.transcript ? (
                <div>
                  <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Transcript</h3>
                  <pre tabIndex={0} className="max-h-96 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 font-sans text-slate-900">
                    {call.transcript}
                  </pre>
                </div>
              ) : null}
            </div>
          </Card>
        ) : null}
        <Card title="Usage lines">
          {call.usage.length === 0 ? (
            <p className="text-sm text-slate-600">No usage recorded for this call.</p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Usage lines, scrollable table">
              <table className="w-full text-sm">
                <thead>
                  <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                    <th scope="col" className="py-1.5 pr-3 font-medium">Provider</th>
                    <th scope="col" className="py-1.5 pr-3 font-medium">Usage</th>
                    <th scope="col" className="py-1.5 pr-3 text-right font-medium">Quantity</th>
                    <th scope="col" className="py-1.5 text-right font-medium">Billed</th>
                  </tr>
                </thead>
                <tbody>
                  {call.usage.map((line) => (
                    <tr key={line.id} className="border-b border-slate-100">
                      <td className="py-1.5 pr-3">{line.provider}</td>
                      <td className="py-1.5 pr-3">{usageLabel(line.usageType)}</td>
                      <td className="tabular py-1.5 pr-3 text-right">{formatQuantity(line.quantity)}</td>
                      <td className="tabular py-1.5 text-right">{formatLineAmount(line.billed)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={3} className="py-1.5 pr-3 text-left font-medium">
                      Total billed
                    </th>
                    <td className="tabular py-1.5 text-right font-medium">{formatMoney(call.cost)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </Card>
        <Card title="Metadata">
          {metadataEntries.length === 0 ? (
            <p className="text-sm text-slate-600">No metadata.</p>
          ) : (
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              {metadataEntries.map(([key, value]) => (
                <div key={key} className="min-w-0">
                  <dt className="font-mono text-xs text-slate-500">{key}</dt>
                  <dd className="break-words text-slate-900">{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
        <Card title="Events that built this call">
          {call.events.length === 0 ? (
            <p className="text-sm text-slate-600">{call.source ? 'The events are no longer kept.' : 'This call was not ingested from events.'}</p>
          ) : (
            <ol className="flex flex-col gap-2 text-sm">
              {call.events.map((event) => (
                <li key={event.eventId} className="rounded border border-slate-100 p-2">
                  <p className="font-medium text-slate-900">
                    {event.type ?? 'Event'} <span className="font-normal text-slate-600">· {formatCallInstant(event.occurredAt, tz)}</span>
                  </p>
                  <p className="break-all font-mono text-xs text-slate-600">{event.eventId}</p>
                  <p className="text-xs text-slate-600">Set {event.fields.join(', ')}</p>
                </li>
              ))}
            </ol>
          )}
          <p className="mt-2 text-xs text-slate-500">{formatCount(call.events.length)} events. Each field shows the value of the latest event that set it.</p>
        </Card>
      </div>
    </>
  );
}

const USAGE_LABELS: Record<string, string> = {
  telephony_minutes: 'Telephony minutes',
  stt_seconds: 'Speech-to-text seconds',
  stt_minutes: 'Speech-to-text minutes',
  llm_tokens: 'LLM tokens',
  tts_characters: 'Text-to-speech characters',
};

function usageLabel(type: string): string {
  return USAGE_LABELS[type] ?? humanize(type);
}

/** A line under a cent would read "$0.00": lines show up to 4 decimals, the total stays in cents. */
function formatLineAmount(value: string): string {
  const amount = Number(value);
  if (amount === 0 || Math.abs(amount) >= 0.01) return formatMoney(value);
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 4, maximumFractionDigits: 4 })}`;
}

function formatQuantity(value: string): string {
  return Number(value).toLocaleString('en-US', { maximumFractionDigits: 6 });
}
