// The search feature's parts that the signed-in frame shows (itself lazily loaded): the header's box.
export { HeaderSearch } from './components/HeaderSearch';
