import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Card, CardSkeleton, DataTable, EmptyState, PageHeader } from '@/components/ui';
import { RunNow } from '@/components/billing/RunNow';
import { requirePlatformAdmin } from '@/lib/auth/server';
import { getDb } from '@/lib/db';
import { listJobStatus } from '@/lib/jobs';

export const metadata: Metadata = { title: 'Jobs' };

const utc = (d: Date | null) => (d ? `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '–');

/** Each scheduled job: schedule, next due time, its last runs, and "run now". */
export default async function AdminJobsPage() {
  await requirePlatformAdmin('/admin/jobs');
  return (
    <>
      <PageHeader title="Jobs" subtitle="Scheduled jobs run inside the server (unless JOBS_IN_PROCESS=false) or from npm run jobs; one run of a job at a time." />
      <Suspense fallback={<CardSkeleton title="Jobs" height={300} />}>
        <JobList />
      </Suspense>
    </>
  );
}

async function JobList() {
  const jobs = await listJobStatus(await getDb(), new Date(), 10);
  return (
    <div className="space-y-4">
      {jobs.map((job) => (
        <Card key={job.name} title={job.name} actions={<RunNow job={job.name} />}>
          <p className="mb-2 text-sm text-slate-600">{job.description}</p>
          <p className="mb-3 text-sm text-slate-600">
            Schedule <code className="rounded bg-slate-100 px-1">{job.schedule}</code> (UTC) · next due <span data-testid="next-due">{utc(job.nextDueAt)}</span>
          </p>
          <DataTable
            caption={`Last runs of ${job.name}`}
            rows={job.runs}
            rowKey={(r) => r.id}
            empty={<EmptyState title="No runs yet" />}
            columns={[
              { key: 'started', header: 'Started', cell: (r) => utc(r.startedAt) },
              { key: 'status', header: 'Status', cell: (r) => r.status },
              { key: 'trigger', header: 'Trigger', hideOnMobile: true, cell: (r) => `${r.trigger}${r.attempt > 1 ? ` (attempt ${r.attempt})` : ''}` },
              { key: 'duration', header: 'Duration', align: 'right', hideOnMobile: true, cell: (r) => (r.finishedAt ? `${((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000).toFixed(1)} s` : 'running') },
              { key: 'result', header: 'Result', cell: (r) => <span className="break-all text-xs">{r.error ?? JSON.stringify(r.summary)}</span> },
            ]}
          />
        </Card>
      ))}
    </div>
  );
}
