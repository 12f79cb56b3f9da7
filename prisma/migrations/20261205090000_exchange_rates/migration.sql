-- The ECB's euro reference rates, one row per currency and working day, kept with their date so
-- revenue is converted into the owner's home currency at the rate of each order's day.
CREATE TABLE "ExchangeRate" (
    "currency" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "perEuro" REAL NOT NULL,
    "fetchedAt" DATETIME NOT NULL,

    PRIMARY KEY ("currency", "day")
);
