import { runClipboardJobs } from '@/lib/platform/clipboard';

runClipboardJobs();
