package shapes

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

func init() {
	register(Shape{
		Platform: "Shopware 6", Export: "Orders export (profile \"Default orders\")", File: "Default orders_20251031-210412.csv",
		Doc: "shopware/shopware: Migration1627983652AddOrderExportProfile (profile \"Default orders\": mapping, " +
			"delimiter \";\"), ImportExport OrderSerializer (line_items \"2x <productId>|...\") and FieldSerializer " +
			"(dates in Defaults::STORAGE_DATE_TIME_FORMAT, UTC); Administration > Settings > Import/Export",
		Kind: Orders, Identity: ByEmail, Amount: Total,
		// The profile maps the order's state to order_state_id, a UUID of
		// the state machine, and leaves the payment state out: nothing in
		// the file says which orders were cancelled or refunded, and
		// amount_total stays the order's total after a refund. A reader
		// can only count every order at its total.
		Counts: func(Order) bool { return true },
		Write:  writeShopware,
	})
}

// shopwareHeader is the "Default orders" profile's mapping, its mapped
// keys in its order.
var shopwareHeader = []string{
	"id", "order_number", "sales_channel_id", "customer_firstname", "customer_lastname", "customer_email",
	"billing_address_street", "billing_address_zipcode", "billing_address_city", "billing_address_company",
	"billing_address_department", "billing_address_country_id", "billing_address_country_state_id",
	"shipping_address_street", "shipping_address_zipcode", "shipping_address_city", "shipping_address_company",
	"shipping_address_department", "shipping_address_country_id", "shipping_address_country_state_id",
	"amount_total", "order_state_id", "line_items", "order_date_time",
}

// uuid is a stable Shopware id (32 lower-case hex digits) for a name.
func uuid(name string) string {
	sum := sha1.Sum([]byte("shopware:" + name))
	return hex.EncodeToString(sum[:16])
}

// phpFloat writes cents as PHP's (string) cast writes a float: no
// trailing zeros and no point for whole amounts ("134.4", "100").
func phpFloat(cents int64) string {
	return strconv.FormatFloat(float64(cents)/100, 'f', -1, 64)
}

// shopwareState is the technical name of the order state machine's state
// an order ends in; the file carries only its id.
func shopwareState(s Status) string {
	if s == Cancelled {
		return "cancelled"
	}
	return "completed"
}

// writeShopware writes Shopware 6's export with the "Default orders"
// profile: one row per order, ";" between fields, "\n" line ends, no byte
// order mark, quoted as PHP's fputcsv quotes. Ids (order, sales channel,
// countries, order state, products) are 32-digit hex UUIDs; order_number
// counts from 10000 as Shopware's number range does; amount_total is the
// gross total written as PHP writes a float ("134.4"); line_items lists
// "<quantity>x <product id>" joined by "|"; order_date_time is
// "2006-01-02 15:04:05.000" in UTC.
func writeShopware(orders []Order) []byte {
	recs := [][]string{shopwareHeader}
	channel := uuid("sales-channel:Storefront")
	for _, o := range orders {
		items := make([]string, len(o.Lines))
		for i, l := range o.Lines {
			items[i] = fmt.Sprintf("%dx %s", l.Quantity, uuid("product:"+l.SKU+"|"+l.Product))
		}
		country := uuid("country:" + o.Country)
		recs = append(recs, []string{
			uuid(fmt.Sprint("order:", o.Number)), fmt.Sprint(10000 + o.Seq), channel,
			o.FirstName, o.LastName, o.Email,
			o.Street, o.Zip, o.City, "", "", country, "",
			o.Street, o.Zip, o.City, "", "", country, "",
			phpFloat(o.Total()), uuid("state:order." + shopwareState(o.Status)),
			strings.Join(items, "|"), o.Created.UTC().Format("2006-01-02 15:04:05.000"),
		})
	}
	return writePHPCSV(recs, ';', "\n", false)
}
