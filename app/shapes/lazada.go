package shapes

import (
	"fmt"
	"time"
)

// lazadaOrdersHeader is Lazada's order export (Seller Center > Orders >
// Manage Orders > Export, "Export All"), the field names the workbook's
// header row carries, in its order, as public code that parses the
// Philippine export reads them (one such parser notes the platform status
// in column 66). There is no quantity column: every unit sold is its own
// order item with its own orderItemId.
var lazadaOrdersHeader = []string{
	"orderItemId", "orderType", "Guarantee", "deliveryType", "lazadaId", "sellerSku", "lazadaSku", "wareHouse",
	"createTime", "updateTime", "rtsSla", "ttsSla", "orderNumber", "invoiceRequired", "invoiceNumber",
	"deliveredDate", "customerName", "customerEmail", "nationalRegistrationNumber", "shippingName",
	"shippingAddress", "shippingAddress2", "shippingAddress3", "shippingAddress4", "shippingAddress5",
	"shippingPhone", "shippingPhone2", "shippingCity", "shippingPostCode", "shippingCountry", "shippingRegion",
	"billingName", "billingAddr", "billingAddr2", "billingAddr3", "billingAddr4", "billingAddr5", "billingPhone",
	"billingPhone2", "billingCity", "billingPostCode", "billingCountry", "taxCode", "branchNumber",
	"taxInvoiceRequested", "payMethod", "paidPrice", "unitPrice", "sellerDiscountTotal", "shippingFee",
	"walletCredit", "itemName", "variation", "cdShippingProvider", "shippingProvider", "shipmentTypeName",
	"shippingProviderType", "cdTrackingCode", "trackingCode", "trackingUrl", "shippingProviderFM",
	"trackingCodeFM", "trackingUrlFM", "promisedShippingTime", "premium", "status",
	"buyerFailedDeliveryReturnInitiator", "buyerFailedDeliveryReason", "buyerFailedDeliveryDetail",
	"buyerFailedDeliveryUserName", "bundleId", "bundleDiscount", "refundAmount", "sellerNote",
}

// rtsSla and ttsSla are the ready-to-ship and time-to-ship deadlines Lazada
// sets each order; this shop's are lazadaRTSDays and lazadaTTSDays after
// the order. Its parcels reach buyers lazadaDeliveryDays after shipping,
// and a return is settled lazadaReturnDays after shipping.
const (
	lazadaRTSDays      = 2
	lazadaTTSDays      = 3
	lazadaDeliveryDays = 2
	lazadaReturnDays   = 10
)

func init() {
	register(Shape{
		Platform: "Lazada", Export: "Orders export (Philippines)", File: "lazada_orders_2024-03-01_2025-10-31.xlsx",
		Doc: "Lazada PH Seller Center > Orders > Export (.xlsx); columns as public parsers of the export read them; one row per unit sold",
		// The workbook names no currency (amounts are bare numbers in
		// PHP): the page asks.
		Kind: Orders, Identity: ByName, Currency: "", Amount: Items,
		// Each unit has its own row and status. A partial refund is one
		// unit returned: the order still counts while another of its
		// units was delivered; an order of one unit, returned, does not.
		Counts: func(o Order) bool {
			return o.Status == Paid || o.Status == PartiallyRefunded && orderQuantity(o) > 1
		},
		// A returned unit of an order that still counts is in its value
		// and its refundAmount is the order's refund.
		Refunds: true,
		Write:   writeLazadaOrders,
	})
}

// lazadaTime writes t as the export does: "02 Jan 2006 15:04" in Manila.
func lazadaTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(manila).Format("02 Jan 2006 15:04")
}

// lazadaPayMethod is Lazada's name for the payment method of o.
func lazadaPayMethod(o Order) string {
	switch o.Payment {
	case "PayPal":
		return "PayPal"
	case "Klarna", "MobilePay":
		return "COD"
	}
	return "MixedCard"
}

// writeLazadaOrders writes the export workbook: one row per unit, with the
// unit price, the seller's discount (the order's 10% code, negative, on its
// first unit, or another when the first is returned: lazadaDiscountUnit),
// paidPrice (what the buyer paid for the unit after the discount, without
// shipping) and the order's shipping fee on its first unit. Lazada no longer gives the buyer's e-mail to sellers, so
// customerEmail is empty: the buyer is their name and address. Dates are
// text ("02 Jan 2006 15:04", Manila time), amounts numbers in PHP. The
// status is per unit: delivered, canceled, or returned with its
// refundAmount, what the buyer paid for it.
func writeLazadaOrders(orders []Order) []byte {
	col := columnIndex(lazadaOrdersHeader)
	var rows [][]xlsxCell
	item := int64(0)
	for _, o := range orders {
		orderNumber := fmt.Sprint(500000000000000 + int64(o.Number)*7919)
		unit, discounted := 0, lazadaDiscountUnit(o)
		for _, l := range o.Lines {
			for u := 0; u < l.Quantity; u++ {
				item++
				row := make([]xlsxCell, len(lazadaOrdersHeader))
				set := func(h string, v xlsxCell) { row[col[h]] = v }
				discount, shipping := int64(0), int64(0)
				if unit == discounted {
					discount = o.Discount
				}
				if unit == 0 {
					shipping = o.Shipping
				}
				status, refund := "delivered", int64(0)
				switch {
				case o.Status == Cancelled:
					status = "canceled"
				case o.Status == Refunded:
					status, refund = "returned", l.UnitPrice-discount
				case o.Status == PartiallyRefunded && unit == 0:
					// What the buyer paid for the unit comes back.
					status, refund = "returned", l.UnitPrice-discount
				}
				set("orderItemId", fmt.Sprint(600000000000000+item*13))
				set("orderType", "Normal")
				set("deliveryType", "dropship")
				set("lazadaId", fmt.Sprint(3000000000+int64(len(l.Product))*100003+l.UnitPrice))
				set("sellerSku", l.SKU)
				set("lazadaSku", fmt.Sprintf("%d_PH-%d", 3000000000+int64(len(l.Product))*100003+l.UnitPrice, 16000000000+l.UnitPrice))
				set("wareHouse", "dropshipping")
				set("createTime", lazadaTime(o.Created))
				set("updateTime", lazadaTime(lazadaUpdated(o)))
				set("rtsSla", lazadaTime(o.Created.AddDate(0, 0, lazadaRTSDays)))
				set("ttsSla", lazadaTime(o.Created.AddDate(0, 0, lazadaTTSDays)))
				set("orderNumber", orderNumber)
				set("invoiceRequired", "No")
				if !o.Shipped.IsZero() {
					set("deliveredDate", lazadaTime(o.Shipped.AddDate(0, 0, lazadaDeliveryDays)))
				}
				set("customerName", o.Name())
				set("shippingName", o.Name())
				set("shippingAddress", o.Street)
				set("shippingPhone", o.Phone)
				set("shippingCity", o.City)
				set("shippingPostCode", o.Zip)
				set("shippingCountry", countryName(o.Country))
				set("billingName", o.Name())
				set("billingAddr", o.Street)
				set("billingPhone", o.Phone)
				set("billingCity", o.City)
				set("billingPostCode", o.Zip)
				set("billingCountry", countryName(o.Country))
				set("taxInvoiceRequested", "No")
				set("payMethod", lazadaPayMethod(o))
				set("paidPrice", shopeePeso(l.UnitPrice-discount))
				set("unitPrice", shopeePeso(l.UnitPrice))
				set("sellerDiscountTotal", shopeePeso(-discount))
				set("shippingFee", shopeePeso(shipping))
				set("walletCredit", shopeePeso(0))
				set("itemName", l.Product)
				set("variation", l.Category)
				if o.Status != Cancelled {
					set("shippingProvider", "LEX PH")
					set("shipmentTypeName", "Dropshipping")
					set("shippingProviderType", "standard")
					set("trackingCode", "MPDS"+stableID(uint64(item), 10, "0123456789"))
				}
				set("promisedShippingTime", lazadaTime(o.Created.AddDate(0, 0, lazadaTTSDays)))
				set("premium", "No")
				set("status", status)
				set("bundleDiscount", shopeePeso(0))
				set("refundAmount", shopeePeso(refund))
				rows = append(rows, row)
				unit++
			}
		}
	}
	return writeWorkbook("sheet1", lazadaOrdersHeader, rows)
}

// lazadaDiscountUnit is the unit (0 the order's first) that carries o's
// seller discount: the first, unless o's first unit is returned and
// another can carry the whole discount, so that the returned unit's
// refundAmount is its price, as o's refund is.
func lazadaDiscountUnit(o Order) int {
	if o.Status != PartiallyRefunded || o.Discount == 0 {
		return 0
	}
	unit := 0
	for _, l := range o.Lines {
		for u := 0; u < l.Quantity; u++ {
			if unit > 0 && l.UnitPrice >= o.Discount {
				return unit
			}
			unit++
		}
	}
	return 0
}

// lazadaUpdated is when Lazada last changed o: its cancellation, delivery
// or return.
func lazadaUpdated(o Order) time.Time {
	switch o.Status {
	case Cancelled:
		return o.Created.Add(2 * time.Hour)
	case Refunded, PartiallyRefunded:
		return o.Shipped.AddDate(0, 0, lazadaReturnDays)
	}
	return o.Shipped.AddDate(0, 0, lazadaDeliveryDays)
}
