// Times a category-1 parent from "使用城市 App 登录" to a submitted application in headless Chromium, against a
// running `./xuewei demo` (platform :8080, exchange :8090), and prints the median of N runs.
// Each run is a different family (one application per child): pass a file of guardian phone numbers, e.g.
//   psql -h 127.0.0.1 -p 5433 -U postgres -d xuewei -Atc \
//     "select guardian_phone from exchange.family where category=1 and cases='' order by family_no limit 10" > phones.txt
//   npm install playwright-core@1.60.0 && node parent-median.js phones.txt 10
// The phone number is typed on the city app's login page (that is the login); the code is shown there in demo.
const { chromium } = require('playwright-core');
const fs = require('fs');
const PLATFORM = 'http://127.0.0.1:8080', EXCHANGE = 'http://127.0.0.1:8090';
(async () => {
  const phones = fs.readFileSync(process.argv[2] || 'phones.txt', 'utf8').trim().split('\n');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
  const times = [];
  for (const phone of phones.slice(0, Number(process.argv[3] || 10))) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(30000);
    await page.goto(PLATFORM + '/');
    const t0 = Date.now();
    await page.click('#parent-login');
    await page.waitForURL(EXCHANGE + '/login**');
    await page.fill('#phone-send', phone);
    await Promise.all([page.waitForURL('**/login?phone=**'), page.click('#send')]);
    await page.click('#login');
    await page.waitForURL(PLATFORM + '/parent**');
    const tLogin = Date.now() - t0;
    await page.click('.check-link');
    await page.waitForSelector('#submit');
    const tCheck = Date.now() - t0;
    await page.click('#consent');
    await page.click('#submit');
    await page.waitForURL('**/parent/applications/**');
    const t = Date.now() - t0;
    const status = await page.getAttribute('#status', 'data-status');
    console.log(`${phone.slice(0,3)}****${phone.slice(7)} signed-in ${tLogin} ms, checked ${tCheck} ms, submitted ${t} ms, status ${status}`);
    times.push(t);
    await context.close();
  }
  times.sort((a, b) => a - b);
  const mid = times.length / 2;
  const median = times.length % 2 ? times[Math.floor(mid)] : (times[mid - 1] + times[mid]) / 2;
  console.log(`runs ${times.length}, median ${median} ms, min ${times[0]} ms, max ${times[times.length-1]} ms`);
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
