package geo

// Word classes the stage relies on. Every function takes a folded key
// (lower case, no diacritics) and is a pure switch: no mutable state.

// unitCue returns the location kind that an administrative unit word after
// or before a name points to ("Sistan and Baluchestan Province", "the
// province of Idlib", "Awaran district").
func unitCue(k string) string {
	switch k {
	case "province", "provinces", "state", "states", "governorate", "governorates", "oblast", "prefecture",
		"prefectures", "canton", "voivodeship", "krai", "republic":
		return "admin1"
	case "district", "districts", "county", "counties", "municipality", "municipalities", "regency", "shahrestan",
		"subdistrict", "sub district", "tehsil", "borough":
		return "admin2"
	case "region", "regions", "area", "zone", "territory", "territories":
		return "region"
	case "city", "cities", "town", "towns", "village", "villages", "suburb", "suburbs", "neighbourhood",
		"neighborhood", "neighbourhoods", "neighborhoods", "township", "hamlet", "settlement", "capital", "port city",
		"border town", "camp":
		return "city"
	}
	return ""
}

// unitSuffix reports the unit words that may follow a name and belong to
// its mention ("Elazig province", "Kamango region").
func unitSuffix(k string) bool {
	switch k {
	case "province", "state", "governorate", "oblast", "prefecture", "district", "county", "municipality",
		"regency", "region", "city", "town", "village", "subdistrict", "division", "territory", "island":
		return true
	}
	return false
}

// pluralFeature reports plural feature nouns closing a list ("the Juba and
// Shabelle rivers").
func pluralFeature(k string) bool {
	switch k {
	case "rivers", "lakes", "islands", "mountains", "seas", "valleys":
		return true
	}
	return false
}

// pluralUnit reports plural unit nouns closing a list ("Bitlis and
// Diyarbakir provinces").
func pluralUnit(k string) bool {
	switch k {
	case "provinces", "states", "governorates", "districts", "counties", "regions", "villages", "towns",
		"cities", "municipalities", "prefectures", "suburbs", "neighbourhoods", "neighborhoods":
		return true
	}
	return false
}

// facilityHead reports words that end the name of a facility ("Frankfurt
// Airport", "Parikesit Hospital", "Abu Ghraib prison").
func facilityHead(k string) bool {
	switch k {
	case "airport", "airfield", "airbase", "hospital", "university", "college", "prison", "jail", "gaol",
		"mosque", "temple", "cathedral", "monastery", "shrine", "synagogue", "basilica", "stadium",
		"bridge", "square", "mall", "palace", "hotel", "embassy", "consulate", "plant", "station", "headquarters",
		"building", "tower", "towers", "market", "museum", "dam", "refinery", "barracks", "compound", "cemetery",
		"centre", "center", "school", "seminary", "theatre", "theater", "house", "hall",
		"arena", "port", "harbour", "harbor", "terminal", "complex", "base", "camp", "fort", "castle", "library",
		"courthouse", "memorial", "monument", "gate", "checkpoint", "crossing", "street", "avenue",
		"road", "boulevard", "highway", "motorway", "garden", "gardens", "zoo", "pier", "wharf", "mine",
		"mines", "oilfield", "lighthouse", "tunnel", "canal", "reactor", "facility",
		"detention", "stockade", "clinic", "infirmary", "bhavan", "mandir", "masjid", "gurdwara", "pagoda":
		return true
	}
	return false
}

// facilityHeadWeak are heads that also end organisation names ("Centre for
// ...", "Institute of ..."): they make a facility only when nothing but a
// place or descriptive words precede them.
func facilityHeadWeak(k string) bool {
	switch k {
	case "centre", "center", "school", "house", "hall", "garden", "gardens", "market", "college", "university",
		"library", "complex", "gate", "facility", "theatre", "theater", "seminary", "tower", "towers", "building":
		return true
	}
	return false
}

// facilityFirst reports words that start a facility name ("University of
// Tehran", "Hospital Kuala Lumpur", "Camp Bastion").
func facilityFirst(k string) bool {
	switch k {
	case "university", "hospital", "camp", "fort", "palace", "cathedral", "temple", "mosque", "masjid",
		"museum", "castle", "hotel", "stadium", "villa":
		return true
	}
	return false
}

// featureHead reports words that end the name of a physical feature
// ("Mahakam River", "Zagros Mountains").
func featureHead(k string) bool {
	switch k {
	case "river", "lake", "sea", "ocean", "gulf", "bay", "strait", "straits", "channel", "mountain",
		"mountains", "hills", "valley", "desert", "island", "islands", "isle", "peninsula",
		"plateau", "plain", "plains", "forest", "glacier", "falls", "pass", "delta", "coast", "creek", "reef",
		"volcano", "range", "highlands", "lagoon", "oasis", "waterfall", "heights", "cape", "atoll", "archipelago",
		"basin", "gorge", "canyon", "springs", "tree", "rainforest", "marsh", "marshes", "swamp", "wetlands":
		return true
	}
	return false
}

// featureFirst reports words that start a feature name ("Mount Dena",
// "Lake Albert", "Gulf of Aden").
func featureFirst(k string) bool {
	switch k {
	case "mount", "mt", "lake", "cape", "river", "jebel", "jabal", "jabel", "djebel", "wadi", "pulau", "gunung",
		"lac", "monte", "mont", "cerro":
		return true
	}
	return false
}

// regionHead reports words that end the name of a non-administrative region.
func regionHead(k string) bool {
	switch k {
	case "strip", "corridor", "triangle", "belt":
		return true
	}
	return false
}

// connector reports lower-case words allowed inside a multi-word name.
func connector(k string) bool {
	switch k {
	case "and", "of", "the", "de", "del", "da", "do", "dos", "das", "di", "la", "le", "les", "el", "al",
		"o", "e", "y", "va", "van", "von", "der", "den", "upon", "on", "sur", "en", "i", "au", "aux", "bin",
		"ibn", "s", "ul", "ud", "an", "ar", "as", "ash", "at", "az", "ad", "bou", "ben", "abu", "du", "des", "am", "im":
		return true
	}
	return false
}

// personTitle reports honorifics and ranks written before a person's name.
func personTitle(k string) bool {
	switch k {
	case "mr", "mrs", "ms", "miss", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep",
		"gov", "rev", "sheikh", "shaikh", "sheik", "imam", "ayatollah", "mullah", "president", "premier",
		"chancellor", "king", "queen", "prince", "princess", "emir", "amir", "sultan", "governor", "mayor",
		"senator", "pope", "bishop", "archbishop", "cardinal", "lord", "lady", "sir", "dame", "hajji", "haji",
		"maulana", "mufti", "rabbi", "pastor", "mister", "madam", "professor", "doctor", "general", "colonel",
		"major", "captain", "lieutenant", "admiral", "marshal", "sergeant", "detective", "inspector", "judge",
		"justice", "father", "brother", "sister", "saint", "crown":
		return true
	}
	return false
}

// titleWord reports capitalised words of titles and offices. A title right
// before a place name makes it a person's name ("President Jordan",
// "Gen. Allen"); right after a place name it does not end the mention
// ("Pakistan President", "U.S. Secretary of State").
func titleWord(k string) bool {
	if personTitle(k) {
		return true
	}
	switch k {
	case "vice", "prime", "minister", "secretary", "ambassador", "chief", "commander", "officer", "spokesman",
		"spokeswoman", "spokesperson", "director", "chairman", "chairwoman", "leader", "speaker", "deputy",
		"foreign", "defence", "defense", "interior", "finance", "envoy", "consul", "uncle", "aunt", "attorney",
		"counsel", "head", "coach", "striker", "midfielder", "goalkeeper", "actor", "actress", "singer",
		"officials", "official", "authorities", "forces", "troops":
		return true
	}
	return false
}

// calendarWord reports month and weekday names, which may follow a place
// name ("in Kabul Thursday") without making a longer proper name.
func calendarWord(k string) bool {
	switch k {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"tues", "thurs":
		return true
	}
	return false
}

// directionWord reports modifiers that may precede a place name without
// making a longer proper name ("northern Iraq", "Greater Cairo").
func directionWord(k string) bool {
	switch k {
	case "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
		"lower", "greater", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
		"southeastern", "southwestern", "north eastern", "north western", "south eastern", "south western",
		"mid", "inner", "outer", "downtown", "rural", "coastal", "neighbouring", "neighboring", "occupied",
		"pro", "anti", "ex", "post", "pre", "non", "all", "trans", "cross", "inter", "then", "former", "old", "new":
		return true
	}
	return false
}

// functionWord reports capitalised words that are not names, such as the
// first word of a sentence ("In", "The", "After").
func functionWord(k string) bool {
	switch k {
	case "in", "the", "a", "an", "at", "from", "on", "for", "by", "with", "as", "but", "and", "or", "after",
		"before", "during", "since", "while", "when", "if", "although", "though", "both", "near", "outside",
		"inside", "across", "throughout", "to", "into", "of", "off", "over", "under", "about", "around",
		"between", "among", "against", "via", "per", "than", "that", "this", "these", "those", "its", "his",
		"her", "their", "our", "my", "your", "it", "he", "she", "they", "we", "i", "you", "there", "here",
		"where", "what", "which", "who", "whom", "whose", "how", "why", "all", "some", "many", "most", "several",
		"each", "every", "no", "not", "so", "yet", "also", "only", "even", "just", "meanwhile", "however",
		"according", "like", "unlike", "despite", "because", "until", "till", "without", "within", "beyond",
		"towards", "toward", "along", "amid", "amidst", "upon", "onto", "once", "now", "then", "today",
		"yesterday", "tomorrow", "tonight", "last", "next", "earlier", "later", "other", "another", "such":
		return true
	}
	return false
}

// speechVerb reports verbs after which a small town name is more likely a
// person ("Allen said").
func speechVerb(k string) bool {
	switch k {
	case "said", "says", "told", "added", "stated", "explained", "noted", "argued", "wrote", "asked",
		"replied", "insisted", "claimed", "denied", "admitted", "confirmed", "announced", "warned", "urged":
		return true
	}
	return false
}

// locPrep reports prepositions that introduce a place ("in X", "near X").
func locPrep(k string) bool {
	switch k {
	case "in", "near", "at", "from", "to", "outside", "inside", "into", "across", "around", "towards",
		"toward", "through", "throughout", "via", "between", "within", "across from", "off", "of", "nearby", "reached":
		return true
	}
	return false
}

// orgWord reports words that make a longer proper name an organisation or
// an event when they follow a place name ("Kenya Red Cross", "Kyoto
// Protocol", "Copenhagen Conference").
func orgWord(k string) bool {
	switch k {
	case "ministry", "university", "society", "council", "party", "times", "post", "conference", "protocol",
		"olympics", "games", "agreement", "accord", "accords", "treaty", "declaration", "army", "police", "force",
		"forces", "bank", "company", "corporation", "airlines", "airways", "air", "news", "agency", "committee",
		"commission", "federation", "association", "union", "front", "movement", "club", "institute", "foundation",
		"group", "red", "network", "television", "radio", "daily", "herald", "tribune", "journal", "gazette",
		"review", "press", "telegraph", "observer", "guardian", "chronicle", "mail", "express", "sun", "court",
		"tribunal", "government", "administration", "cabinet", "assembly", "congress", "senate", "parliament",
		"navy", "guard", "guards", "corps", "brigade", "battalion", "regiment", "division", "command",
		"stock", "exchange", "fc", "united", "rovers", "athletic", "summit", "talks", "process",
		"initiative", "plan", "pact", "convention", "charter", "act", "law", "declaration of", "syndrome",
		"virus", "flu", "fever", "war", "crisis", "massacre", "uprising", "revolution", "spring", "affair",
		"marathon", "open", "cup", "grand", "prix", "festival", "fair", "expo", "trophy", "championship",
		"tournament", "league", "series", "award", "prize", "accords of":
		return true
	}
	return false
}

// compoundSuffix reports lower-case words joined to a place name by a
// hyphen that keep it a place mention ("New York-based", "Iran-backed").
func compoundSuffix(k string) bool {
	switch k {
	case "based", "born", "bound", "led", "backed", "controlled", "owned", "run", "headquartered", "made",
		"style", "area", "era", "registered", "flagged", "sponsored", "funded", "allied", "aligned", "held",
		"administered", "occupied", "ruled", "bred", "raised", "educated", "trained", "supported", "centred",
		"centered", "wide", "specific", "related":
		return true
	}
	return false
}

// cardinalWord reports capitalised direction words that name a part of a
// place ("Kowloon West", "New Territories East").
func cardinalWord(k string) bool {
	switch k {
	case "north", "south", "east", "west", "central", "northeast", "northwest", "southeast", "southwest":
		return true
	}
	return false
}

// compassOf reports direction words of "southwest of X", which make X a
// place.
func compassOf(k string) bool {
	switch k {
	case "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
		"north-west", "south-east", "south-west", "outskirts", "suburbs", "centre", "center", "heart", "downtown",
		"west-northwest", "east-northeast", "south-southwest", "north-northeast", "east-southeast",
		"west-southwest", "north-northwest", "south-southeast":
		return true
	}
	return false
}

// peopleNoun reports lower-case nouns after which a name is an ethnic or
// group adjective ("Kikuyu tribe", "Baloch militants").
func peopleNoun(k string) bool {
	switch k {
	case "tribe", "tribes", "tribesmen", "tribal", "community", "communities", "people", "peoples", "ethnic",
		"militia", "militias", "youths", "gangs", "fighters", "rebels", "separatists", "nationalists",
		"language", "dialect", "origin", "descent", "clan", "clans", "elders":
		return true
	}
	return false
}

// eventNoun reports lower-case nouns after which a place name names an
// event or an agreement rather than the place ("Bali bombings", "Copenhagen
// summit").
func eventNoun(k string) bool {
	switch k {
	case "summit", "conference", "talks", "protocol", "accord", "accords", "agreement", "treaty", "declaration",
		"round", "games", "olympics", "convention", "process", "consensus", "doctrine", "syndrome":
		return true
	}
	return false
}

// orgHead reports capitalised words before "of X" that make "... of X" an
// organisation, facility or event name ("University of Tehran", "Islamic
// Emirate of Afghanistan", "Bank of England").
func orgHead(k string) bool {
	switch k {
	case "university", "bank", "council", "ministry", "emirate", "church", "museum", "institute", "college",
		"academy", "organization", "organisation", "association", "league", "conference", "court", "government",
		"department", "office", "embassy", "consulate", "school", "society", "foundation", "board", "agency",
		"authority", "commission", "committee", "corporation", "company", "party", "front", "movement", "army",
		"force", "forces", "police", "assembly", "parliament", "congress", "chamber", "centre", "center", "club",
		"order", "archdiocese", "diocese", "cathedral", "hospital", "palace", "tower", "battle", "siege", "treaty",
		"protocol", "agreement", "accord", "declaration", "convention", "games", "olympics", "cup", "festival",
		"mosque", "temple", "library", "theatre", "theater", "network", "radio", "television", "times", "news",
		"bureau", "service", "services", "fund", "trust", "institution", "alliance", "coalition", "federation",
		"brotherhood", "guard", "guards", "navy", "air", "airlines", "airways", "group", "division", "brigade",
		"regiment", "battalion", "corps", "command", "mission", "secretariat", "cabinet", "directorate",
		"observatory", "laboratory", "press", "post", "daily", "herald", "tribune", "journal", "gazette":
		return true
	}
	return false
}

// featureOfFirst reports words that start a feature name with "of" ("Gulf
// of Aden", "Bay of Bengal", "Strait of Hormuz").
func featureOfFirst(k string) bool {
	switch k {
	case "gulf", "bay", "strait", "straits", "sea", "isle", "lake", "mouth", "valley", "plain", "cape":
		return true
	}
	return false
}

// creedWord reports religious and ideological adjectives that look like
// names before a unit noun ("Sunni area", "Shia district").
func creedWord(k string) bool {
	switch k {
	case "sunni", "shia", "shiite", "shi ite", "christian", "muslim", "jewish", "catholic", "protestant",
		"orthodox", "hindu", "buddhist", "sikh", "islamic", "arab", "alawite", "druze", "coptic", "evangelical",
		"communist", "socialist", "nationalist", "tribal", "royal", "federal", "national", "western", "eastern",
		"northern", "southern", "central":
		return true
	}
	return false
}

// genericLand reports landform and unit words that many places share.
func genericLand(k string) bool {
	switch k {
	case "coast", "coastal", "islands", "island", "valley", "highlands", "lowlands", "lakes", "lake", "capital",
		"metropolitan", "region", "province", "district", "state", "territory", "plains", "mountains", "river",
		"sea", "federal", "area", "the", "of", "and", "provinces", "frontier", "border", "hills", "delta":
		return true
	}
	return false
}

// romanceConnector reports lower-case name links after which a capitalised
// word continues the name ("San Antonio de Petrel").
func romanceConnector(k string) bool {
	switch k {
	case "de", "del", "da", "do", "dos", "das", "di", "du", "des", "la", "le", "el", "y":
		return true
	}
	return false
}
