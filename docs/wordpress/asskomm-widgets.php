<?php
/**
 * Plugin Name:       asskomm-widgets
 * Description:       The KPR widgets (news, prevention tips, events, goals, contact form) as shortcodes, e.g. [kpr_news src="/praevention/news.json"]. The script is served from this plugin's folder and loaded only on pages that show a widget.
 * Version:           0.1.0
 * Requires at least: 6.0
 * Requires PHP:      7.4
 * License:           MIT
 *
 * Put this file into wp-content/plugins/asskomm-widgets/, with the ES build next to it:
 *   wp-content/plugins/asskomm-widgets/asskomm-widgets.php          (this file)
 *   wp-content/plugins/asskomm-widgets/assets/asskomm-widgets.js
 *   wp-content/plugins/asskomm-widgets/assets/bundle/…              (all .js files of dist/bundle/)
 *   wp-content/plugins/asskomm-widgets/assets/THIRD-PARTY-LICENSES.txt
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit; // Loaded by WordPress only.
}

/**
 * Each shortcode, the element it writes, and the attributes it passes on. Attributes not listed here are dropped,
 * so a typo in a shortcode cannot put arbitrary markup on the page. `url` attributes are cleaned with esc_url
 * (each URL of a space-separated list), `flag` attributes are written without a value when given, the rest with
 * esc_attr.
 */
function asskomm_widgets_elements() {
	$feed = array(
		'src'           => 'url',
		'heading-level' => 'text',
		'lang'          => 'text',
		'timeout'       => 'text',
		'eager'         => 'flag',
	);
	// The goal overview and the contact form have no time-zone attribute.
	$dated = $feed + array( 'time-zone' => 'text' );
	return array(
		'kpr_news'     => array(
			'tag'        => 'kpr-news-feed',
			'attributes' => $dated + array(
				'limit'       => 'text',
				'tag'         => 'text',
				'layout'      => 'text',
				'image-hosts' => 'text',
			),
		),
		'kpr_tips'     => array(
			'tag'        => 'kpr-prevention-tips',
			'attributes' => $dated + array(
				'mode'       => 'text',
				'topic'      => 'text',
				'audience'   => 'text',
				'date'       => 'text',
				'season'     => 'flag',
				'single'     => 'flag',
				'deep-links' => 'flag',
			),
		),
		'kpr_events'   => array(
			'tag'        => 'kpr-event-calendar',
			'attributes' => $dated + array(
				'view'      => 'text',
				'date'      => 'text',
				'limit'     => 'text',
				'category'  => 'text',
				'url-state' => 'flag',
			),
		),
		'kpr_goals'    => array(
			'tag'        => 'kpr-goal-overview',
			'attributes' => $feed + array(
				'layout'   => 'text',
				'goals'    => 'text',
				'expanded' => 'flag',
			),
		),
		'kpr_contact'  => array(
			'tag'        => 'kpr-contact',
			'attributes' => array(
				'endpoint'      => 'url',
				'privacy-url'   => 'url',
				'challenge-url' => 'url',
				'mode'          => 'text',
				'mailto'        => 'text',
				'service-code'  => 'text',
				'api-key'       => 'text',
				'timeout'       => 'text',
				'lang'          => 'text',
				'persist-draft' => 'flag',
				'eager'         => 'flag',
			),
		),
	);
}

/**
 * Loads the widgets' script on this page. Called while the page's content is rendered, so only pages that show a
 * widget load it; WordPress prints it in the footer (classic themes) or in the head, which a block theme renders
 * after the content.
 */
function asskomm_widgets_enqueue() {
	$file    = __DIR__ . '/assets/asskomm-widgets.js';
	$src     = plugins_url( 'assets/asskomm-widgets.js', __FILE__ );
	$version = file_exists( $file ) ? (string) filemtime( $file ) : null;
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		// WordPress 6.5 and later: a script module, printed as <script type="module">.
		wp_enqueue_script_module( 'asskomm-widgets', $src, array(), $version );
	} else {
		// WordPress 6.0 to 6.4: a classic registration in the footer, turned into a module tag below.
		wp_enqueue_script( 'asskomm-widgets', $src, array(), $version, true );
	}
}

/** Before WordPress 6.5: the tag of our script gets type="module", which the ES build needs. */
function asskomm_widgets_module_tag( $tag, $handle, $src ) {
	if ( 'asskomm-widgets' !== $handle ) {
		return $tag;
	}
	return '<script type="module" src="' . esc_url( $src ) . '" id="asskomm-widgets-js"></script>' . "\n";
}
add_filter( 'script_loader_tag', 'asskomm_widgets_module_tag', 10, 3 );

/**
 * Renders one shortcode as its element. The text between [kpr_news] and [/kpr_news] becomes the element's
 * content: what visitors see before the widget has loaded, without JavaScript, and when the feed cannot be read
 * (typically a link to the same content on the site).
 */
function asskomm_widgets_shortcode( $atts, $content, $shortcode ) {
	$elements = asskomm_widgets_elements();
	if ( ! isset( $elements[ $shortcode ] ) ) {
		return '';
	}
	$element = $elements[ $shortcode ];
	$html    = '<' . $element['tag'];
	foreach ( (array) $atts as $name => $value ) {
		// A bare word such as [kpr_news eager] arrives as a value with a numeric key.
		if ( is_int( $name ) ) {
			$name  = strtolower( (string) $value );
			$value = '';
		}
		$kind = isset( $element['attributes'][ $name ] ) ? $element['attributes'][ $name ] : null;
		if ( 'flag' === $kind ) {
			$html .= ' ' . $name;
		} elseif ( 'url' === $kind ) {
			// esc_url empties what is no web address (javascript:, data:); an attribute left empty is dropped.
			$urls = array_filter( array_map( 'esc_url', preg_split( '/\s+/', trim( (string) $value ) ) ) );
			if ( $urls ) {
				$html .= ' ' . $name . '="' . implode( ' ', $urls ) . '"';
			}
		} elseif ( 'text' === $kind ) {
			$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
	}
	$html .= '>' . wp_kses_post( (string) $content ) . '</' . $element['tag'] . '>';
	asskomm_widgets_enqueue();
	return $html;
}

add_action(
	'init',
	function () {
		foreach ( array_keys( asskomm_widgets_elements() ) as $shortcode ) {
			add_shortcode( $shortcode, 'asskomm_widgets_shortcode' );
		}
	}
);

/** A widget written into a "Custom HTML" block needs the script too. */
add_filter(
	'render_block_core/html',
	function ( $block_content ) {
		if ( false !== strpos( (string) $block_content, '<kpr-' ) ) {
			asskomm_widgets_enqueue();
		}
		return $block_content;
	}
);
