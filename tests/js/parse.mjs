// Reads one iCalendar document on stdin with Mozilla's ical.js (the parser Thunderbird
// and many web clients use) and prints, as JSON, what a subscribed client would see.
// Local wall times come from Node's own ICU time zones, not from ical.js, so the two
// independent zone implementations check each other.
import ICAL from "ical.js";

const LOCAL_ZONE = "Asia/Shanghai";
const localFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: LOCAL_ZONE,
  year: "numeric", month: "2-digit", day: "2-digit",
  hour: "2-digit", minute: "2-digit", second: "2-digit",
  hourCycle: "h23",
});

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on("data", (chunk) => chunks.push(chunk));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

function instant(time) {
  const date = time.toJSDate();
  return {
    utc: date.toISOString().replace(".000Z", "Z"),
    local: localFormat.format(date).replace(" ", "T"), // sv-SE gives "YYYY-MM-DD HH:MM:SS"
    tzid: time.zone ? time.zone.tzid : null,
  };
}

function readEvent(vevent) {
  const event = new ICAL.Event(vevent);
  const start = instant(event.startDate);
  const end = instant(event.endDate);
  return {
    uid: event.uid,
    sequence: event.sequence,
    summary: event.summary,
    location: event.location,
    description: event.description,
    status: vevent.getFirstPropertyValue("status"),
    url: vevent.getFirstPropertyValue("url"),
    start_utc: start.utc,
    end_utc: end.utc,
    start_local: start.local,
    end_local: end.local,
    start_tzid: start.tzid,
    alarms: vevent.getAllSubcomponents("valarm").map((alarm) => {
      const trigger = alarm.getFirstProperty("trigger");
      const value = trigger.getFirstValue();
      return {
        action: alarm.getFirstPropertyValue("action"),
        trigger: value.toString(),
        trigger_seconds: value.toSeconds(),
        related: trigger.getParameter("related") || "START",
      };
    }),
  };
}

const text = await readStdin();
const calendar = new ICAL.Component(ICAL.parse(text));
// Zones must be known before any date value is decoded (ical.js decodes lazily).
for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(vtimezone);
}
const result = {
  name: calendar.getFirstPropertyValue("x-wr-calname"),
  method: calendar.getFirstPropertyValue("method"),
  timezones: calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid")),
  refresh_interval: String(calendar.getFirstPropertyValue("refresh-interval")),
  events: calendar.getAllSubcomponents("vevent").map(readEvent),
};
process.stdout.write(JSON.stringify(result, null, 1) + "\n");
