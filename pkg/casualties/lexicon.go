package casualties

import (
	"strings"

	"github.com/newsdesk/extractor/pkg/events"
)

// The tables below are immutable after package initialisation; they are
// read-only lookups keyed by lower-case token text.

// passiveCues are participles and adjectives that state harm of their
// subject: "12 were killed", "30 wounded", "45 people dead", "28 remain
// missing".
var passiveCues = map[string]string{
	"killed": events.Killed, "dead": events.Killed, "died": events.Killed, "murdered": events.Killed,
	"slain": events.Killed, "massacred": events.Killed, "slaughtered": events.Killed,
	"executed": events.Killed, "beheaded": events.Killed, "assassinated": events.Killed,
	"lynched": events.Killed, "drowned": events.Killed, "perished": events.Killed, "die": events.Killed,
	"electrocuted": events.Killed, "decapitated": events.Killed, "dies": events.Killed, "martyred": events.Killed,
	"hanged": events.Killed, "incinerated": events.Killed,
	"injured": events.Injured, "wounded": events.Injured, "hurt": events.Injured,
	"hospitalised": events.Injured, "hospitalized": events.Injured, "maimed": events.Injured,
	"missing": events.Missing, "unaccounted": events.Missing,
	"kidnapped": events.Kidnapped, "abducted": events.Kidnapped, "kidnaped": events.Kidnapped, "seized": events.Kidnapped,
	"arrested": events.Arrested, "detained": events.Arrested, "captured": events.Arrested,
	"apprehended": events.Arrested,
	"displaced":   events.Displaced, "evacuated": events.Displaced, "fled": events.Displaced,
	"homeless": events.Displaced, "uprooted": events.Displaced,
}

// activeCues are verb forms whose object is harmed: "killing at least nine
// people", "the blast killed 12", "arrested 35 students".
var activeCues = map[string]string{
	"kill": events.Killed, "kills": events.Killed, "killed": events.Killed, "killing": events.Killed,
	"murder": events.Killed, "murders": events.Killed, "murdered": events.Killed, "murdering": events.Killed,
	"slew": events.Killed, "slay": events.Killed, "slaying": events.Killed,
	"massacred": events.Killed, "massacring": events.Killed, "executed": events.Killed, "executing": events.Killed,
	"claimed": events.Killed, "claiming": events.Killed, "claims": events.Killed,
	"wound": events.Injured, "wounds": events.Injured, "wounded": events.Injured, "wounding": events.Injured,
	"injure": events.Injured, "injures": events.Injured, "injured": events.Injured, "injuring": events.Injured,
	"hurt": events.Injured, "hurting": events.Injured, "maimed": events.Injured, "maiming": events.Injured,
	"kidnap": events.Kidnapped, "kidnaps": events.Kidnapped, "kidnapped": events.Kidnapped, "kidnapping": events.Kidnapped,
	"abduct": events.Kidnapped, "abducts": events.Kidnapped, "abducted": events.Kidnapped, "abducting": events.Kidnapped,
	"seize": events.Kidnapped, "seizes": events.Kidnapped, "seized": events.Kidnapped, "seizing": events.Kidnapped,
	"arrest": events.Arrested, "arrests": events.Arrested, "arrested": events.Arrested, "arresting": events.Arrested,
	"detain": events.Arrested, "detains": events.Arrested, "detained": events.Arrested, "detaining": events.Arrested,
	"capture": events.Arrested, "captures": events.Arrested, "captured": events.Arrested, "capturing": events.Arrested,
	"apprehended": events.Arrested, "apprehending": events.Arrested,
	"displace": events.Displaced, "displaces": events.Displaced, "displaced": events.Displaced, "displacing": events.Displaced,
	"evacuate": events.Displaced, "evacuates": events.Displaced, "evacuated": events.Displaced, "evacuating": events.Displaced,
}

// nounCues are nouns that name harm; a figure before them ("45 deaths",
// "98 bodies") or after them and "of" ("the deaths of 250 people") is a
// casualty figure.
var nounCues = map[string]string{
	"death": events.Killed, "deaths": events.Killed, "fatalities": events.Killed, "casualties": events.Killed,
	"bodies": events.Killed, "corpses": events.Killed, "killings": events.Killed, "killing": events.Killed,
	"murders": events.Killed, "murder": events.Killed, "lives": events.Killed, "dead": events.Killed,
	"injuries": events.Injured, "injured": events.Injured, "wounded": events.Injured,
	"kidnappings": events.Kidnapped, "abductions": events.Kidnapped, "abduction": events.Kidnapped,
	"kidnapping": events.Kidnapped, "hostages": events.Kidnapped,
	"arrests": events.Arrested, "arrest": events.Arrested, "detentions": events.Arrested, "detention": events.Arrested,
	"evacuation": events.Displaced, "evacuees": events.Displaced, "disappearance": events.Missing,
}

// ofNounCues are the nouns of "the deaths of N", "the arrest of N".
var ofNounCues = map[string]string{
	"bodies": events.Killed, "remains": events.Killed, "corpses": events.Killed, "death": events.Killed, "deaths": events.Killed, "killing": events.Killed, "killings": events.Killed,
	"murder": events.Killed, "murders": events.Killed, "massacre": events.Killed, "lives": events.Killed,
	"arrest": events.Arrested, "arrests": events.Arrested, "detention": events.Arrested,
	"abduction": events.Kidnapped, "kidnapping": events.Kidnapped, "abductions": events.Kidnapped,
	"evacuation": events.Displaced, "displacement": events.Displaced, "disappearance": events.Missing,
}

// aux are the auxiliaries and linking verbs allowed between a subject and
// its cue.
var aux = map[string]bool{
	"was": true, "were": true, "is": true, "are": true, "be": true, "been": true, "being": true,
	"has": true, "have": true, "had": true, "remain": true, "remained": true, "remains": true,
	"went": true, "gone": true, "go": true, "got": true, "get": true, "became": true, "become": true,
	"lay": true, "lie": true, "lies": true, "left": true, "'s": true, "’s": true,
	"also": true, "reportedly": true, "all": true, "both": true, "later": true, "now": true, "still": true,
	"already": true, "since": true, "allegedly": true, "each": true, "apparently": true, "subsequently": true,
	"eventually": true, "initially": true, "officially": true, "reported": true, "confirmed": true,
	"presumed": true, "feared": true, "believed": true, "thought": true, "said": true, "known": true,
	"understood": true, "expected": true, "likely": true, "highly": true, "\"": true, "“": true, "”": true, "estimated": true, "to": true, "just": true, "then": true,
	"currently": true, "yet": true, "immediately": true, "either": true, "seriously": true,
	"critically": true, "badly": true, "severely": true, "slightly": true, "lightly": true, "fatally": true,
	"forcibly": true, "temporarily": true, "briefly": true, "mortally": true, "gravely": true,
	"found": true, "listed": true, "made": true, "rendered": true, "appear": true, "appears": true, "appeared": true, "seem": true,
	"seems": true, "seemed": true, "declared": true, "pronounced": true,
}

// hypothetical words before a cue make the harm hypothetical or future.
var hypothetical = map[string]bool{
	"could": true, "would": true, "might": true, "will": true, "shall": true, "can": true,
	"should": true, "'ll": true, "’ll": true, "wo": true, "threatened": true, "threatens": true,
	"threaten": true, "vowed": true, "plan": true, "plans": true, "planned": true, "planning": true,
	"intended": true, "attempt": true, "attempted": true, "tried": true, "trying": true, "try": true,
	"wanted": true, "want": true, "wants": true, "if": true, "unless": true, "risk": true, "not": true,
	"n't": true, "never": true, "no": true, "without": true, "avoid": true, "prevent": true,
	"refused": true, "refuse": true, "refuses": true, "failed": true, "declined": true, "potentially": true, "aim": true, "aimed": true, "seeking": true, "sought": true, "seek": true,
}

// negators before a subject make it zero: "no one was hurt".
var negators = map[string]bool{
	"no": true, "none": true, "nobody": true, "neither": true, "nor": true, "not": true, "zero": true, "without": true,
}

// badHeads are nouns that make a figure something other than people.
var badHeads = map[string]bool{
	"year": true, "years": true, "month": true, "months": true, "week": true, "weeks": true, "day": true,
	"days": true, "hour": true, "hours": true, "minute": true, "minutes": true, "second": true, "seconds": true,
	"decade": true, "decades": true, "century": true, "centuries": true, "time": true, "times": true,
	"percent": true, "per": true, "cent": true, "%": true, "dollars": true, "euros": true, "pounds": true,
	"yuan": true, "rupees": true, "yen": true, "usd": true, "million": true, "billion": true,
	"km": true, "kilometres": true, "kilometers": true, "miles": true, "metres": true, "meters": true,
	"feet": true, "ft": true, "tons": true, "tonnes": true, "kg": true, "kilograms": true, "degrees": true,
	"houses": true, "homes": true, "buildings": true, "vehicles": true, "cars": true, "trucks": true,
	"buses": true, "ships": true, "boats": true, "aircraft": true, "planes": true, "helicopters": true,
	"missiles": true, "rockets": true, "shells": true, "bombs": true, "weapons": true, "guns": true,
	"rifles": true, "drones": true, "villages": true, "towns": true, "cities": true, "provinces": true,
	"countries": true, "nations": true, "states": true, "districts": true, "sites": true, "schools": true,
	"hospitals": true, "mosques": true, "churches": true, "shops": true, "votes": true, "seats": true,
	"points": true, "goals": true, "runs": true, "laws": true, "cases": true, "charges": true, "counts": true,
	"attacks": true, "incidents": true, "strikes": true, "raids": true, "explosions": true, "blasts": true,
	"shots": true, "rounds": true, "bullets": true, "camps": true, "acres": true, "hectares": true,
	"magnitude": true, "am": true, "pm": true, "a.m.": true, "p.m.": true, "gmt": true, "utc": true,
	"o'clock": true, "floors": true, "storeys": true, "stories": true, "pages": true, "articles": true,
	"tanks": true, "jets": true, "mortars": true, "grenades": true, "barrels": true, "rooms": true,
	"infections": true, "companies": true, "organisations": true, "organizations": true,
	"groups": true, "units": true, "battalions": true, "brigades": true, "divisions": true,
	"sentences": true, "terms": true, "lashes": true, "bridges": true, "roads": true,
	"trains": true, "flights": true, "tents": true, "shelters": true, "items": true, "kilos": true,
}

// months mark dates: "March 7", "7 March".
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// personNouns are heads that name people; a singular one with "a", "an",
// "the" or "another" before it is a figure of one ("a soldier was killed").
// Plural forms are accepted for figures without a number ("terrorists were
// killed").
var personNouns = withPlurals(map[string]bool{
	"man": true, "woman": true, "boy": true, "girl": true, "child": true, "baby": true, "infant": true,
	"toddler": true, "teenager": true, "teen": true, "youth": true, "person": true, "individual": true,
	"soldier": true, "officer": true, "policeman": true, "policewoman": true, "trooper": true, "marine": true,
	"airman": true, "serviceman": true, "servicemen": true, "sailor": true, "guard": true, "bodyguard": true,
	"journalist": true, "reporter": true, "photographer": true, "cameraman": true, "correspondent": true,
	"pilot": true, "co-pilot": true, "driver": true, "passenger": true, "civilian": true, "student": true,
	"pupil": true, "teacher": true, "worker": true, "member": true, "leader": true, "suspect": true,
	"gunman": true, "militant": true, "bomber": true, "attacker": true, "assailant": true, "resident": true,
	"villager": true, "farmer": true, "doctor": true, "nurse": true, "medic": true, "paramedic": true,
	"citizen": true, "national": true, "tourist": true, "employee": true, "official": true, "activist": true,
	"protester": true, "protestor": true, "demonstrator": true, "priest": true, "monk": true, "nun": true,
	"imam": true, "cleric": true, "commander": true, "fighter": true, "rebel": true, "insurgent": true,
	"terrorist": true, "victim": true, "hostage": true, "crewmember": true, "diplomat": true,
	"ambassador": true, "mayor": true, "governor": true, "judge": true, "lawyer": true, "engineer": true,
	"volunteer": true, "staffer": true, "pedestrian": true, "motorist": true, "cyclist": true,
	"motorcyclist": true, "shopkeeper": true, "vendor": true, "trader": true, "businessman": true,
	"businesswoman": true, "politician": true, "legislator": true, "lawmaker": true, "candidate": true,
	"editor": true, "translator": true, "interpreter": true, "husband": true, "wife": true, "son": true,
	"daughter": true, "father": true, "mother": true, "brother": true, "sister": true, "relative": true,
	"nephew": true, "niece": true, "uncle": true, "aunt": true, "cousin": true, "grandmother": true,
	"grandfather": true, "contractor": true, "agent": true, "spy": true, "informant": true, "inmate": true,
	"prisoner": true, "detainee": true, "refugee": true, "migrant": true, "pilgrim": true, "worshipper": true,
	"captain": true, "sergeant": true, "colonel": true, "general": true, "lieutenant": true, "policemen": true,
	"chief": true, "head": true, "minister": true, "spokesman": true, "spokeswoman": true,
	"opponent": true, "supporter": true, "dissident": true, "blogger": true, "crewman": true, "fisherman": true,
	"miner": true, "firefighter": true, "fireman": true, "peacekeeper": true, "patient": true, "survivor": true,
	"local": true, "native": true, "immigrant": true, "settler": true, "shepherd": true, "herder": true,
	"elder": true, "chairman": true, "president": true, "director": true, "manager": true, "owner": true,
	"accomplice": true, "gunmen": true, "militiaman": true, "jihadist": true, "extremist": true,
	"kid": true, "adult": true, "dealer": true, "smuggler": true, "pirate": true,
	"partner": true, "friend": true, "colleague": true, "neighbour": true, "neighbor": true, "girlfriend": true,
	"boyfriend": true, "fiance": true, "fiancee": true, "grandson": true, "granddaughter": true, "stepson": true,
	"occupant": true, "mp": true, "senator": true, "councillor": true, "councilor": true, "bystander": true,
	"people": true, "persons": true, "civilians": true, "soldiers": true, "troops": true, "police": true,
	"officers": true, "militants": true, "terrorists": true, "insurgents": true, "rebels": true,
	"fighters": true, "children": true, "women": true, "men": true, "students": true, "journalists": true,
	"workers": true, "protesters": true, "protestors": true, "demonstrators": true, "residents": true,
	"villagers": true, "passengers": true, "pilgrims": true, "worshippers": true, "migrants": true,
	"refugees": true, "hostages": true, "tourists": true, "crew": true, "members": true, "staff": true,
	"guards": true, "officials": true, "suspects": true, "activists": true, "leaders": true,
	"supporters": true, "prisoners": true, "detainees": true, "victims": true, "babies": true, "boys": true,
	"girls": true, "infants": true, "teenagers": true, "youths": true, "pupils": true, "teachers": true,
	"doctors": true, "nurses": true, "farmers": true, "citizens": true, "nationals": true, "employees": true,
	"families": true, "family": true, "relatives": true, "locals": true, "inhabitants": true,
	"population": true, "adults": true, "kids": true, "elderly": true, "attackers": true,
	"bombers": true, "sailors": true, "marines": true, "peacekeepers": true,
	"personnel": true, "servicemembers": true, "miners": true, "fishermen": true, "crewmen": true,
	"survivors": true, "patients": true, "others": true, "dissidents": true, "opponents": true,
	"reformists": true, "captors": true, "kidnappers": true, "pirates": true, "jihadists": true,
	"extremists": true, "motorcyclists": true, "drivers": true, "pedestrians": true, "shoppers": true,
	"spectators": true, "fans": true, "voters": true, "bystanders": true, "mourners": true, "guests": true,
	"militiamen": true, "combatants": true, "monks": true, "priests": true, "lawmakers": true,
	"trainer": true, "star": true, "cellmate": true, "writer": true, "columnist": true, "coach": true,
	"player": true, "footballer": true, "athlete": true, "artist": true, "singer": true, "actor": true,
	"actress": true, "musician": true, "poet": true, "novelist": true, "author": true, "scholar": true,
	"academic": true, "professor": true, "researcher": true, "scientist": true, "economist": true,
	"banker": true, "executive": true, "entrepreneur": true, "consultant": true, "adviser": true,
	"advisor": true, "aide": true, "secretary": true, "clerk": true, "maid": true, "housewife": true,
	"labourer": true, "laborer": true, "chef": true, "cook": true, "waiter": true, "ranger": true,
	"warden": true, "bishop": true, "pastor": true, "rabbi": true, "sheikh": true, "preacher": true,
	"missionary": true, "physician": true, "surgeon": true, "midwife": true, "veteran": true,
	"recruit": true, "cadet": true, "corporal": true, "conscript": true, "commando": true, "sniper": true,
	"mechanic": true, "technician": true, "defector": true, "deserter": true,
	"copilot": true, "stewardess": true, "steward": true, "attendant": true,
	"writers": true, "players": true, "artists": true, "academics": true, "professors": true,
	"scientists": true, "aides": true, "recruits": true, "commandos": true,
	"toddlers": true, "schoolchildren": true, "schoolgirls": true, "schoolboys": true, "schoolgirl": true,
	"schoolboy": true, "teens": true, "youngsters": true, "youngster": true, "newborn": true,
	"colonels": true, "generals": true, "lieutenants": true, "captains": true, "sergeants": true,
	"ministers": true, "clerics": true, "imams": true, "commanders": true, "diplomats": true,
	"engineers": true, "volunteers": true, "contractors": true, "agents": true, "inmates": true,
	"cultists": true, "followers": true, "cousins": true, "brothers": true,
	"sisters": true, "sons": true, "daughters": true, "mothers": true, "fathers": true, "wives": true,
	"husbands": true, "parents": true,
})

// withPlurals adds the regular plurals of the singular nouns of m
// ("pilot" -> "pilots", "man" -> "men") and returns m. It runs once, when
// the package is initialised.
func withPlurals(m map[string]bool) map[string]bool {
	var add []string
	for w := range m {
		switch {
		case w == "head" || w == "chief" || strings.HasSuffix(w, "s"):
		case strings.HasSuffix(w, "man"):
			add = append(add, w[:len(w)-3]+"men")
		case strings.HasSuffix(w, "y") && !strings.HasSuffix(w, "ey") && !strings.HasSuffix(w, "oy"):
			add = append(add, w[:len(w)-1]+"ies")
		case strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "x"):
			add = append(add, w+"es")
		default:
			add = append(add, w+"s")
		}
	}
	for _, w := range add {
		m[w] = true
	}
	return m
}
