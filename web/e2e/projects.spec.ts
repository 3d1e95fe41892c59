// Projects as alice: the navigation entry, the open list with what is late (an overdue project's row red
// and saying so, a bar red with a task overdue), one project with its tasks (overdue red, due today
// yellow), a comment on the project and one on a task, a file attached, the closed list with a completed
// project that takes no comments, and a project that is not there. Globex's project never shows. Each
// state passes the accessibility check. The stack is shared and seeded once: what the spec writes carries
// this run's stamp, and nothing counts on how many comments or files earlier runs left.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ALICE_STATE, checkPage, EMULATOR } from './support';

test.use({ storageState: ALICE_STATE });
test.describe.configure({ mode: 'serial' });

const FIRE = 'Fire panel replacement, Acme House';
const LED = 'LED lighting upgrade';
const BOILER = 'Boiler room refurbishment';
const CLOSED = 'Annual compliance review';
const GLOBEX = 'Globex data centre cabling';
const stamp = Date.now().toString(36);

// The colours the design uses (global.css and Projects.module.css).
const RED_ROW = 'rgb(253, 236, 234)';
const YELLOW_ROW = 'rgb(255, 244, 224)';
const RED_BAR = 'rgb(180, 35, 24)';
const BLUE_BAR = 'rgb(29, 78, 137)';

const main = (page: Page) => page.getByRole('main');
const rowWith = (scope: Locator, text: string | RegExp) => scope.getByRole('row').filter({ hasText: text });
const fill = (bar: Locator) => bar.locator('span').first();

test('the open projects: an overdue project’s row red, a bar red with a task overdue; not Globex’s', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects', exact: true }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  const table = main(page).getByRole('table', { name: 'Open projects' });
  await expect(table.getByRole('link', { name: FIRE })).toBeVisible();
  await expect(table.getByRole('link', { name: BOILER })).toBeVisible();
  await expect(table.getByRole('link', { name: CLOSED })).toHaveCount(0);
  await expect(main(page).getByText(GLOBEX)).toHaveCount(0);

  // Past its own due date: the row is red and says "Overdue".
  const led = rowWith(table, LED);
  await expect(led.getByText('Overdue', { exact: true })).toBeVisible();
  await expect(led.getByRole('cell').first()).toHaveCSS('background-color', RED_ROW);

  // Not late itself, but a task is: the row is plain, the bar red and it says how many.
  const fire = rowWith(table, FIRE);
  await expect(fire.getByText('Overdue', { exact: true })).toHaveCount(0);
  await expect(fire.getByRole('cell').first()).not.toHaveCSS('background-color', RED_ROW);
  const fireBar = fire.getByRole('progressbar', { name: `Progress of ${FIRE}` });
  await expect(fireBar).toHaveAttribute('aria-valuetext', /done, 1 task overdue$/);
  await expect(fill(fireBar)).toHaveCSS('background-color', RED_BAR);
  await expect(fire.getByText('1 task overdue')).toBeVisible();
  await expect(fire).toContainText('Installation');

  // Nothing late: plain row, blue bar, no words of lateness.
  const boiler = rowWith(table, BOILER);
  await expect(boiler.getByText(/overdue|due today/i)).toHaveCount(0);
  await expect(fill(boiler.getByRole('progressbar'))).toHaveCSS('background-color', BLUE_BAR);
  await checkPage(page, 'projects');
});

test('a project: facts, tasks overdue red and due today yellow, a comment on it and on a task, a file', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  await page.goto('/projects');
  await main(page).getByRole('link', { name: FIRE }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9A-Z]+$/);
  await expect(page.getByRole('heading', { level: 1, name: FIRE })).toBeVisible();
  const facts = main(page).getByRole('region', { name: 'About this project' });
  await expect(facts).toContainText('Dana Walsh');
  await expect(facts).toContainText('Active');
  await expect(main(page).getByRole('region', { name: 'Description' })).toContainText('Replace the fire alarm panels');
  const milestones = main(page).getByRole('list', { name: 'Milestones' });
  await expect(milestones.getByRole('listitem').filter({ hasText: 'Survey' })).toContainText('Done');
  await expect(milestones.getByRole('listitem').filter({ hasText: 'Handover' })).not.toContainText('Done');

  const tasks = main(page).getByRole('table', { name: 'The project’s tasks, soonest due first' });
  const overdue = rowWith(tasks, 'Remove the old panels');
  await expect(overdue.getByText('Overdue', { exact: true })).toBeVisible();
  await expect(overdue.getByRole('cell').first()).toHaveCSS('background-color', RED_ROW);
  const today = rowWith(tasks, 'Book the electrician');
  await expect(today.getByText('Due today', { exact: true })).toBeVisible();
  await expect(today.getByRole('cell').first()).toHaveCSS('background-color', YELLOW_ROW);
  const done = rowWith(tasks, 'Survey both blocks');
  await expect(done.getByRole('cell').first()).not.toHaveCSS('background-color', RED_ROW);
  await expect(done.getByRole('cell').first()).not.toHaveCSS('background-color', YELLOW_ROW);

  // The whole thread: staff marked, the task's comment labelled with its task.
  const thread = main(page).getByRole('region', { name: 'Comments', exact: true });
  await expect(thread.getByRole('article').filter({ hasText: 'Yes, we will start block B at 10:30 each day.' })).toContainText('Staff');
  await expect(thread.getByRole('article').filter({ hasText: 'wired into the lift' })).toContainText('On task: Remove the old panels');
  await checkPage(page, 'project');

  // A comment on the project.
  const projectComment = `Please keep the fire doors closed during the work (${stamp}).`;
  const form = thread.getByRole('form', { name: 'Add a comment' });
  await form.getByRole('textbox', { name: 'Comment' }).fill(projectComment);
  await form.getByRole('button', { name: 'Post comment' }).click();
  await expect(thread.getByRole('article').filter({ hasText: projectComment })).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Comment' })).toHaveValue('');

  // A comment on the overdue task, from its disclosure.
  const toggle = overdue.getByRole('button', { name: /^Comments \(\d+\): Remove the old panels$/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const taskThread = main(page).getByRole('region', { name: 'Comments on Remove the old panels' });
  await expect(taskThread).toContainText('wired into the lift');
  await checkPage(page, 'project-task-comments');
  const taskComment = `Can the lift stay in service until 4pm? (${stamp})`;
  const taskForm = taskThread.getByRole('form', { name: 'Comment on this task' });
  await taskForm.getByRole('textbox', { name: 'Comment' }).fill(taskComment);
  await taskForm.getByRole('button', { name: 'Post comment' }).click();
  await expect(taskThread.getByRole('article').filter({ hasText: taskComment })).toBeVisible();
  await expect(thread.getByRole('article').filter({ hasText: taskComment })).toContainText('On task: Remove the old panels');

  // A file: sent straight to storage, then listed.
  const files = main(page).getByRole('region', { name: 'Files' });
  const name = `Fire door plan ${stamp}.txt`;
  await files.getByLabel('Attach a file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from('Block A: doors 1-4\n') });
  await files.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(files.getByRole('status').filter({ hasText: `${name} was attached.` })).toBeVisible();
  expect(requests.some((r) => r.startsWith(`PUT ${EMULATOR}/`))).toBe(true);
  await expect(files.getByRole('list', { name: 'Files of this project' }).getByRole('button', { name })).toBeVisible();
  await checkPage(page, 'project-commented');

  // All still there after a reload.
  await page.reload();
  await expect(main(page).getByRole('region', { name: 'Comments', exact: true }).getByText(projectComment)).toBeVisible();
  await expect(main(page).getByRole('region', { name: 'Comments', exact: true }).getByText(taskComment)).toBeVisible();
  await expect(main(page).getByRole('region', { name: 'Files' }).getByRole('button', { name })).toBeVisible();
});

test('the closed projects: the completed one, which takes no comments or files; a project not there', async ({ page }) => {
  await page.goto('/projects');
  await main(page).getByRole('radio', { name: 'Closed' }).check();
  await expect(page).toHaveURL(/\/projects\?status=closed$/);
  const table = main(page).getByRole('table', { name: 'Closed projects' });
  await expect(table.getByRole('link', { name: CLOSED })).toBeVisible();
  await expect(table.getByRole('link', { name: FIRE })).toHaveCount(0);
  await expect(rowWith(table, CLOSED)).toContainText('Completed');
  await expect(main(page).getByText(GLOBEX)).toHaveCount(0);
  await checkPage(page, 'projects-closed');

  await table.getByRole('link', { name: CLOSED }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLOSED })).toBeVisible();
  await expect(main(page).getByText('This project is closed: it takes no more comments or files.').first()).toBeVisible();
  await expect(main(page).getByRole('form')).toHaveCount(0);
  await expect(main(page).getByRole('textbox')).toHaveCount(0);
  await expect(main(page).getByLabel('Attach a file')).toHaveCount(0);
  await checkPage(page, 'project-closed');

  // Back keeps the closed list.
  await page.goBack();
  await expect(page).toHaveURL(/\/projects\?status=closed$/);
  await expect(main(page).getByRole('radio', { name: 'Closed' })).toBeChecked();

  // No such project; and an address whose id cannot be one.
  await page.goto(`/projects/01JN${'Z'.repeat(22)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Project not found' })).toBeVisible();
  await expect(main(page).getByRole('link', { name: 'All projects' })).toHaveAttribute('href', '/projects');
  await checkPage(page, 'project-not-found');
  await page.goto('/projects/not-a-project');
  await expect(page.getByRole('heading', { level: 1, name: 'Project not found' })).toBeVisible();
});
