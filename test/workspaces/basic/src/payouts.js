// Payout scheduling for merchants.
'use strict';

const BATCH_INTERVAL_HOURS = 24;

function nextPayoutAt(now) {
  const next = new Date(now);
  next.setUTCHours(next.getUTCHours() + BATCH_INTERVAL_HOURS, 0, 0, 0);
  return next;
}

module.exports = { nextPayoutAt, BATCH_INTERVAL_HOURS };
