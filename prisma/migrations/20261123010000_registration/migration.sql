-- CreateEnum
CREATE TYPE "Attendance" AS ENUM ('IN_PERSON', 'VIRTUAL');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('AWAITING_PAYMENT', 'ACTIVE', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('NOT_REQUIRED', 'PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ProofMethod" AS ENUM ('DOCUMENT', 'INSTITUTIONAL_EMAIL');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('OPEN', 'PROCESSING', 'PAID', 'EXPIRED', 'FAILED');

-- CreateEnum
CREATE TYPE "OrderPurpose" AS ENUM ('REGISTRATION', 'CATEGORY_CHANGE');

-- CreateEnum
CREATE TYPE "OrderItemKind" AS ENUM ('REGISTRATION', 'MEMBERSHIP', 'ADD_ON');

-- CreateEnum
CREATE TYPE "DiscountKind" AS ENUM ('PERCENT', 'AMOUNT');

-- CreateEnum
CREATE TYPE "MembershipKind" AS ENUM ('FULL', 'IN_TRAINING');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'USD';

-- CreateTable
CREATE TABLE "SocietyMembership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "societyId" TEXT NOT NULL,
    "kind" "MembershipKind" NOT NULL,
    "expiresOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SocietyMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationPolicy" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "fullRefundThrough" DATE NOT NULL,
    "cancellationFee" INTEGER NOT NULL,
    "partialRefundThrough" DATE,

    CONSTRAINT "RegistrationPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationCategory" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "requiresProof" BOOLEAN NOT NULL DEFAULT false,
    "membersOnly" BOOLEAN NOT NULL DEFAULT false,
    "membershipFee" INTEGER,
    "audience" "TrackAudience" NOT NULL DEFAULT 'EVERYONE',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RegistrationCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationTier" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lastDay" DATE,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RegistrationTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationPrice" (
    "id" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "tierId" TEXT NOT NULL,
    "attendance" "Attendance" NOT NULL,
    "amount" INTEGER NOT NULL,
    "memberAmount" INTEGER,

    CONSTRAINT "RegistrationPrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationAddOn" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "amount" INTEGER NOT NULL,
    "audience" "TrackAudience" NOT NULL DEFAULT 'EVERYONE',
    "capacity" INTEGER,
    "sold" INTEGER NOT NULL DEFAULT 0,
    "held" INTEGER NOT NULL DEFAULT 0,
    "sessionId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RegistrationAddOn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromoCode" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "DiscountKind" NOT NULL,
    "value" INTEGER NOT NULL,
    "maxUses" INTEGER,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "validFrom" TIMESTAMPTZ(3),
    "validUntil" TIMESTAMPTZ(3),

    CONSTRAINT "PromoCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromoCodeCategory" (
    "promoCodeId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,

    CONSTRAINT "PromoCodeCategory_pkey" PRIMARY KEY ("promoCodeId","categoryId")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "tierId" TEXT NOT NULL,
    "attendance" "Attendance" NOT NULL,
    "memberPricing" BOOLEAN NOT NULL DEFAULT false,
    "status" "RegistrationStatus" NOT NULL DEFAULT 'AWAITING_PAYMENT',
    "verification" "VerificationStatus" NOT NULL DEFAULT 'NOT_REQUIRED',
    "proofMethod" "ProofMethod",
    "institutionalEmail" TEXT,
    "institutionalEmailTokenHash" TEXT,
    "institutionalEmailConfirmedAt" TIMESTAMPTZ(3),
    "rejectionReason" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "comped" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationDocument" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VerificationDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationOrder" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "purpose" "OrderPurpose" NOT NULL DEFAULT 'REGISTRATION',
    "status" "OrderStatus" NOT NULL DEFAULT 'OPEN',
    "currency" TEXT NOT NULL,
    "subtotal" INTEGER NOT NULL,
    "discount" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL,
    "promoCodeId" TEXT,
    "newCategoryId" TEXT,
    "checkoutSessionId" TEXT,
    "checkoutUrl" TEXT,
    "paymentIntentId" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "paidAt" TIMESTAMPTZ(3),
    "amountRefunded" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrationOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationOrderItem" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" "OrderItemKind" NOT NULL,
    "description" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "addOnId" TEXT,
    "releasedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RegistrationOrderItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationRefund" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'PENDING',
    "stripeRefundId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrationRefund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SocietyMembership_societyId_idx" ON "SocietyMembership"("societyId");

-- CreateIndex
CREATE UNIQUE INDEX "SocietyMembership_userId_societyId_key" ON "SocietyMembership"("userId", "societyId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationPolicy_meetingId_key" ON "RegistrationPolicy"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationCategory_meetingId_slug_key" ON "RegistrationCategory"("meetingId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationTier_meetingId_slug_key" ON "RegistrationTier"("meetingId", "slug");

-- CreateIndex
CREATE INDEX "RegistrationPrice_tierId_idx" ON "RegistrationPrice"("tierId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationPrice_categoryId_tierId_attendance_key" ON "RegistrationPrice"("categoryId", "tierId", "attendance");

-- CreateIndex
CREATE INDEX "RegistrationAddOn_sessionId_idx" ON "RegistrationAddOn"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationAddOn_meetingId_slug_key" ON "RegistrationAddOn"("meetingId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "PromoCode_meetingId_code_key" ON "PromoCode"("meetingId", "code");

-- CreateIndex
CREATE INDEX "PromoCodeCategory_categoryId_idx" ON "PromoCodeCategory"("categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_code_key" ON "Registration"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_institutionalEmailTokenHash_key" ON "Registration"("institutionalEmailTokenHash");

-- CreateIndex
CREATE INDEX "Registration_meetingId_status_idx" ON "Registration"("meetingId", "status");

-- CreateIndex
CREATE INDEX "Registration_userId_meetingId_idx" ON "Registration"("userId", "meetingId");

-- CreateIndex
CREATE INDEX "Registration_categoryId_idx" ON "Registration"("categoryId");

-- CreateIndex
CREATE INDEX "Registration_tierId_idx" ON "Registration"("tierId");

-- CreateIndex
CREATE INDEX "Registration_reviewedById_idx" ON "Registration"("reviewedById");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationDocument_storageKey_key" ON "VerificationDocument"("storageKey");

-- CreateIndex
CREATE INDEX "VerificationDocument_registrationId_idx" ON "VerificationDocument"("registrationId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationOrder_checkoutSessionId_key" ON "RegistrationOrder"("checkoutSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationOrder_paymentIntentId_key" ON "RegistrationOrder"("paymentIntentId");

-- CreateIndex
CREATE INDEX "RegistrationOrder_registrationId_idx" ON "RegistrationOrder"("registrationId");

-- CreateIndex
CREATE INDEX "RegistrationOrder_status_expiresAt_idx" ON "RegistrationOrder"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "RegistrationOrder_promoCodeId_idx" ON "RegistrationOrder"("promoCodeId");

-- CreateIndex
CREATE INDEX "RegistrationOrder_newCategoryId_idx" ON "RegistrationOrder"("newCategoryId");

-- CreateIndex
CREATE INDEX "RegistrationOrderItem_orderId_idx" ON "RegistrationOrderItem"("orderId");

-- CreateIndex
CREATE INDEX "RegistrationOrderItem_addOnId_idx" ON "RegistrationOrderItem"("addOnId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationRefund_stripeRefundId_key" ON "RegistrationRefund"("stripeRefundId");

-- CreateIndex
CREATE INDEX "RegistrationRefund_orderId_idx" ON "RegistrationRefund"("orderId");

-- AddForeignKey
ALTER TABLE "SocietyMembership" ADD CONSTRAINT "SocietyMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocietyMembership" ADD CONSTRAINT "SocietyMembership_societyId_fkey" FOREIGN KEY ("societyId") REFERENCES "Society"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationPolicy" ADD CONSTRAINT "RegistrationPolicy_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationCategory" ADD CONSTRAINT "RegistrationCategory_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationTier" ADD CONSTRAINT "RegistrationTier_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationPrice" ADD CONSTRAINT "RegistrationPrice_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "RegistrationCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationPrice" ADD CONSTRAINT "RegistrationPrice_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "RegistrationTier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationAddOn" ADD CONSTRAINT "RegistrationAddOn_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationAddOn" ADD CONSTRAINT "RegistrationAddOn_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoCode" ADD CONSTRAINT "PromoCode_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoCodeCategory" ADD CONSTRAINT "PromoCodeCategory_promoCodeId_fkey" FOREIGN KEY ("promoCodeId") REFERENCES "PromoCode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoCodeCategory" ADD CONSTRAINT "PromoCodeCategory_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "RegistrationCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "RegistrationCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "RegistrationTier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationDocument" ADD CONSTRAINT "VerificationDocument_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationOrder" ADD CONSTRAINT "RegistrationOrder_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationOrder" ADD CONSTRAINT "RegistrationOrder_promoCodeId_fkey" FOREIGN KEY ("promoCodeId") REFERENCES "PromoCode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationOrder" ADD CONSTRAINT "RegistrationOrder_newCategoryId_fkey" FOREIGN KEY ("newCategoryId") REFERENCES "RegistrationCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationOrderItem" ADD CONSTRAINT "RegistrationOrderItem_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "RegistrationOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationOrderItem" ADD CONSTRAINT "RegistrationOrderItem_addOnId_fkey" FOREIGN KEY ("addOnId") REFERENCES "RegistrationAddOn"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationRefund" ADD CONSTRAINT "RegistrationRefund_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "RegistrationOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Seats and promo-code uses can never be oversold, whatever code runs: the
-- conditional UPDATEs of checkouts keep to these, and PostgreSQL refuses anything else.
ALTER TABLE "RegistrationAddOn" ADD CONSTRAINT "RegistrationAddOn_seats_check"
  CHECK ("sold" >= 0 AND "held" >= 0 AND ("capacity" IS NULL OR "sold" + "held" <= "capacity"));

ALTER TABLE "PromoCode" ADD CONSTRAINT "PromoCode_uses_check"
  CHECK ("uses" >= 0 AND ("maxUses" IS NULL OR "uses" <= "maxUses"));
